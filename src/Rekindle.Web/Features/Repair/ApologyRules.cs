using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>An apology in three parts: what I did, its effect on you, what I'll do.</summary>
public sealed record SendApologyRequest(string? Did, string? Effect, string? Will);

/// <summary>What the apology use cases share, with no use case of its own: checking the three parts, and how they read.</summary>
public sealed class ApologyRules(RepairContent content, SoftStartup soft)
{
    /// <summary>The apology as it will be stored, or what is wrong with the first part that needs care (did, effect, will).</summary>
    public Outcome<ApologyText> Check(SendApologyRequest request)
    {
        var parts = new[]
        {
            ("did", request.Did, content.Apology.DidLabel),
            ("effect", request.Effect, content.Apology.EffectLabel),
            ("will", request.Will, content.Apology.WillLabel),
        };
        foreach (var (field, text, label) in parts)
        {
            var words = text?.Trim() ?? "";
            if (TalkText.Problem(words, Apology.PartMaxLength) is { } problem)
            {
                return Problem.Invalid(field, words.Length == 0 ? Text.Of("Please fill in \"{0}\": each part matters.", label) : problem);
            }
        }

        return Outcome<ApologyText>.Ok(new ApologyText(request.Did!.Trim(), request.Effect!.Trim(), request.Will!.Trim()));
    }

    /// <summary>The soft start-up helper's reading of each part, and of the whole: harsh when any part is, else as the whole
    /// reads.</summary>
    public ApologyTone Tone(SendApologyRequest request)
    {
        var (d, e, w) = (soft.Read(request.Did), soft.Read(request.Effect), soft.Read(request.Will));
        var whole =
            d?.Flagged == true || e?.Flagged == true || w?.Flagged == true
                ? new ToneReading(ToneVerdict.Harsh, [.. d?.Findings ?? [], .. e?.Findings ?? [], .. w?.Findings ?? []], [])
                : soft.ReadTogether([request.Did, request.Effect, request.Will]) ?? soft.Nothing;
        return new ApologyTone(whole, d, e, w);
    }
}
