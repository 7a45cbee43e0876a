namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>
/// An entity with <see cref="SealedText"/> properties says where each value lives, so the re-seal
/// pass after a rotation can open and seal them again without knowing the feature.
/// </summary>
public interface ISealedRecord
{
    SealPlace PlaceOf(string property);
}
