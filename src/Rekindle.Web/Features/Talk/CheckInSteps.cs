using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// The weekly check-in in four short steps, each one phone screen, and what each step requires. Only the
/// pulse (step 1) and one line about what went well (step 2) are required; the appreciations (step 3)
/// and the two wishes (step 4) are optional. The page checks a step when leaving it; <see cref="SaveCheckIn"/>
/// checks them all, so the API and the page keep one set of rules.
/// </summary>
public static class CheckInSteps
{
    public const int Count = 4;

    public static int Clamp(int? step) => Math.Clamp(step ?? 1, 1, Count);

    /// <summary>The step that holds a request field, so a problem can be shown beside its field.</summary>
    public static int StepOf(string? field) =>
        field switch
        {
            "pulse" => 1,
            "wentWell" => 2,
            "appreciations" => 3,
            _ => 4,
        };

    /// <summary>The first problem in one step, or in every step when <paramref name="step"/> is null.</summary>
    public static Problem? Check(CheckInRequest request, int? step = null)
    {
        bool In(int s) => step is null || step == s;
        if (In(1) && request.Pulse is not (>= 0 and <= 10))
        {
            return Problem.Invalid("pulse", Text.Of("Please choose how close you feel, from 0 to 10."));
        }

        if (In(2) && string.IsNullOrWhiteSpace(request.WentWell))
        {
            return Problem.Invalid("wentWell", Text.Of("Please write one line here. A few words is plenty, even if it was a hard week."));
        }

        if (In(3) && (request.Appreciations?.Count ?? 0) > CheckInContent.Appreciations)
        {
            return Problem.Invalid("appreciations", Text.Of("Please write at most three appreciations."));
        }

        var written = (request.Appreciations ?? [])
            .Select(a => (Field: "appreciations", Text: (string?)a))
            .Append(("wentWell", request.WentWell))
            .Append(("toTalkAbout", request.ToTalkAbout))
            .Append(("feelLoved", request.FeelLoved));
        foreach (var (field, text) in written)
        {
            var trimmed = text?.Trim() ?? "";
            if (In(StepOf(field)) && trimmed.Length > 0 && TalkText.Problem(trimmed, CheckIn.FieldMaxLength) is { } problem)
            {
                return Problem.Invalid(field, problem);
            }
        }

        return null;
    }

    /// <summary>The answers as they are kept: trimmed, three appreciation places (blank where skipped).</summary>
    public static CheckInAnswers Clean(CheckInRequest request) =>
        new(
            Enumerable
                .Range(0, CheckInContent.Appreciations)
                .Select(i => request.Appreciations is { } list && i < list.Count ? list[i]?.Trim() ?? "" : "")
                .ToList(),
            request.WentWell?.Trim() ?? "",
            request.ToTalkAbout?.Trim() ?? "",
            request.FeelLoved?.Trim() ?? "",
            request.Pulse ?? 0
        );
}
