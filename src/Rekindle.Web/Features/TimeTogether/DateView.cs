namespace Rekindle.Web.Features.TimeTogether;

/// <summary>A date as one partner sees it: the times in their own zone, and whose turn it is.</summary>
public sealed record DateView(
    Guid Id,
    string Title,
    string? IdeaKey,
    int Minutes,
    DateStatus Status,
    bool ProposedByMe,
    DateTime? StartsAt,
    IReadOnlyList<OptionView> Options,
    ReflectionView? Reflection
)
{
    public bool IsPast(DateTime now) => StartsAt is { } start && start <= now;

    /// <summary>Times the partner offered that this member can accept.</summary>
    public IEnumerable<OptionView> ForMe => Options.Where(o => !o.Mine);
}

public sealed record OptionView(Guid Id, DateTime StartsAt, bool Mine);

/// <summary>What each partner said after the date. The partner's part only once the member wrote theirs.</summary>
public sealed record ReflectionView(string? MyRating, string? MyHighlight, bool PartnerDone, string? TheirRating, string? TheirHighlight)
{
    public bool Locked => MyRating is not null && PartnerDone;
}
