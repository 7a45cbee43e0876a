using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>Where a path stands: the partner is invited, the hurt partner goes first, the acknowledgment, then the rest.</summary>
public enum BetrayalStage
{
    Invited = 0,
    HurtFirst = 1,
    Acknowledge = 2,
    Together = 3,
    Ended = 4,
}

/// <summary>What the rules need of one entry: never its words.</summary>
public sealed record EntryFact(Guid Id, Guid Owner, BetrayalPart Part, Guid? About, bool Sent, bool Agreed, bool Ended);

/// <summary>A path as the rules see it: enough to decide every question without the database or any sealed value.</summary>
public sealed record BetrayalState(
    Guid OpenedBy,
    Guid PartnerId,
    Guid HurtId,
    bool Joined,
    bool Ended,
    bool QuestionsPaused,
    IReadOnlyList<EntryFact> Entries
)
{
    public static BetrayalState Of(Betrayal b, IEnumerable<EntryFact> entries) =>
        new(
            b.OpenedBy,
            b.PartnerId,
            b.HurtId,
            b.JoinedAt is not null,
            b.EndedAt is not null,
            b.QuestionsPausedAt is not null,
            [.. entries]
        );

    /// <summary>The partner who broke trust.</summary>
    public Guid BrokeId => HurtId == OpenedBy ? PartnerId : OpenedBy;
}

/// <summary>
/// The rules of the path after a betrayal (decisions/0041), pure: stages, who may write what and when, the one visibility rule,
/// questions one at a time within limits, agreements both chose, steps the hurt partner marks. The path is not symmetric: the
/// hurt partner is never asked for "their part", to forgive, or to do anything back.
/// </summary>
public static class BetrayalRules
{
    public const string Hurt = "hurt";
    public const string Broke = "broke";

    /// <summary>The answer to a question the partner would rather give with a counselor there.</summary>
    public const string WithCounselor = "counselor";

    public static readonly IReadOnlyList<string> Kinds = ["affair", "money", "agreement", "other"];

    public static readonly IReadOnlyList<string> Marks = ["helped", "a-little", "not-yet", "too-soon"];

    /// <summary>Open paths a couple may have at once.</summary>
    public const int MaxOpen = 2;

    public static bool IsMember(BetrayalState s, Guid member) => member == s.OpenedBy || member == s.PartnerId;

    /// <summary>
    /// The one visibility rule: an entry is read by its author, and by the partner only once sent and only after the partner
    /// joined. A draft, a private mark or limits kept to oneself never reach the partner, not even as a count.
    /// </summary>
    public static bool MaySee(BetrayalState s, Guid viewer, Guid owner, bool sent) =>
        IsMember(s, viewer) && (owner == viewer || (sent && s.Joined));

    public static BetrayalStage Stage(BetrayalState s) =>
        s.Ended ? BetrayalStage.Ended
        : !s.Joined ? BetrayalStage.Invited
        : !Has(s, s.HurtId, BetrayalPart.Feelings, sent: true) ? BetrayalStage.HurtFirst
        : !Has(s, s.BrokeId, BetrayalPart.Acknowledgment, sent: true) ? BetrayalStage.Acknowledge
        : BetrayalStage.Together;

    public static bool LimitsSet(BetrayalState s, Guid member) => Has(s, member, BetrayalPart.Limits, sent: false);

    /// <summary>Questions open once the acknowledgment is in and both have set their limits.</summary>
    public static bool QuestionsOpen(BetrayalState s) =>
        Stage(s) == BetrayalStage.Together && LimitsSet(s, s.HurtId) && LimitsSet(s, s.BrokeId);

    /// <summary>The question waiting for an answer, if any: one at a time.</summary>
    public static EntryFact? OpenQuestion(BetrayalState s) =>
        s.Entries.FirstOrDefault(q =>
            q.Part == BetrayalPart.Question && !s.Entries.Any(a => a.Part == BetrayalPart.Answer && a.About == q.Id)
        );

    /// <summary>Whether something on the path waits for <paramref name="member"/> (for the home page).</summary>
    public static bool WaitsOn(BetrayalState s, Guid member) =>
        IsMember(s, member)
        && Stage(s) switch
        {
            BetrayalStage.Invited => member == s.PartnerId,
            BetrayalStage.Acknowledge => member == s.BrokeId,
            BetrayalStage.Together => (member == s.BrokeId && !s.QuestionsPaused && OpenQuestion(s) is not null)
                || s.Entries.Any(a => a.Part == BetrayalPart.Agreement && a.Owner != member && !a.Agreed && !a.Ended),
            _ => false,
        };

    /// <summary>The problem, in words, with <paramref name="member"/> doing <paramref name="go"/> now; null when they may.</summary>
    public static string? CanDo(BetrayalState s, Guid member, string go, Guid? about)
    {
        if (!IsMember(s, member))
        {
            return Text.Of("This path isn't yours.");
        }

        var stage = Stage(s);
        if (stage == BetrayalStage.Ended)
        {
            return Text.Of("This path was closed. What was written stays, closed.");
        }

        if (go == "end")
        {
            return null;
        }

        if (go == "join")
        {
            return stage == BetrayalStage.Invited && member == s.PartnerId ? null : Text.Of("You have joined this path already.");
        }

        if (stage == BetrayalStage.Invited)
        {
            // The hurt partner who opened the path may begin a draft while they wait; it stays theirs alone.
            return go == "save-feelings" && member == s.HurtId && member == s.OpenedBy
                ? null
                : Text.Of("This opens once you have both joined.");
        }

        var hurt = member == s.HurtId;
        return go switch
        {
            "save-feelings" or "send-feelings" => hurt && stage == BetrayalStage.HurtFirst
                ? null
                : Text.Of("This part is for the one who was hurt, before anything else."),
            "save-acknowledgment" or "send-acknowledgment" => !hurt && stage == BetrayalStage.Acknowledge
                ? null
                : Text.Of("The acknowledgment comes after the hurt partner's feelings, from the one who broke trust."),
            "limits" => stage == BetrayalStage.Together ? null : Text.Of("Limits come once the acknowledgment is in."),
            "pause-questions" or "resume-questions" => hurt && stage == BetrayalStage.Together
                ? null
                : Text.Of("Only the one who was hurt pauses the questions."),
            "ask" => CanAsk(s, hurt),
            "answer" => CanAnswer(s, hurt, about),
            "propose-agreement" => stage == BetrayalStage.Together ? null : Text.Of("Agreements come once the acknowledgment is in."),
            "agree" => Agreement(s, about) is { } a && a.Owner != member && !a.Agreed && !a.Ended
                ? null
                : Text.Of("That agreement can't be agreed to now."),
            "end-agreement" => Agreement(s, about) is { Ended: false } ? null : Text.Of("That agreement has ended already."),
            "propose-step" => !hurt && stage == BetrayalStage.Together
                ? null
                : Text.Of("Steps are offered by the one who broke trust, once the acknowledgment is in."),
            "mark" => hurt && s.Entries.Any(e => e.Id == about && e.Part == BetrayalPart.Step)
                ? null
                : Text.Of("Only the one who was hurt marks how a step landed."),
            _ => Text.Of("That isn't something this page knows. Here is where you are."),
        };
    }

    private static string? CanAsk(BetrayalState s, bool hurt)
    {
        if (!hurt)
        {
            return Text.Of("Questions are asked by the one who was hurt.");
        }

        if (!QuestionsOpen(s))
        {
            return Text.Of("Questions open when you have both set your limits.");
        }

        if (s.QuestionsPaused)
        {
            return Text.Of("Questions are paused. Go on with them whenever you are ready.");
        }

        return OpenQuestion(s) is null ? null : Text.Of("One question at a time: the last one is still waiting for an answer.");
    }

    private static string? CanAnswer(BetrayalState s, bool hurt, Guid? about)
    {
        if (hurt || !QuestionsOpen(s))
        {
            return Text.Of("Answers come from the one who broke trust, once both have set limits.");
        }

        if (s.QuestionsPaused)
        {
            return Text.Of("Questions are paused for now.");
        }

        return OpenQuestion(s) is { } q && q.Id == about ? null : Text.Of("That question has been answered already.");
    }

    private static EntryFact? Agreement(BetrayalState s, Guid? id) =>
        s.Entries.FirstOrDefault(e => e.Id == id && e.Part == BetrayalPart.Agreement);

    private static bool Has(BetrayalState s, Guid member, BetrayalPart part, bool sent) =>
        s.Entries.Any(e => e.Owner == member && e.Part == part && (!sent || e.Sent));
}
