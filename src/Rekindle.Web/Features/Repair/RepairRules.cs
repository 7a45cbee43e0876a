using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Where a repair stands, as the rules see it: enough to decide every question without the database.
/// <see cref="Written"/> holds who has written which step (the authors' ids; no text is needed to decide anything).
/// </summary>
public sealed record RepairState(
    Guid OpenedBy,
    Guid PartnerId,
    bool OpenerCalm,
    bool PartnerCalm,
    bool Paused,
    bool Completed,
    bool SetAside,
    IReadOnlySet<(Guid Member, RepairStep Step)> Written,
    IReadOnlyDictionary<Guid, HeardReply>? Replies = null
)
{
    /// <summary>From the rows: who wrote which step, and each speaker's answer on their own "heard" entry.</summary>
    public static RepairState Of(Incident incident, IEnumerable<(Guid Member, RepairStep Step, HeardReply? Reply)> entries)
    {
        var list = entries.ToList();
        return new(
            incident.OpenedBy,
            incident.PartnerId,
            incident.OpenerCalm,
            incident.PartnerCalm,
            incident.Paused,
            incident.CompletedAt is not null,
            incident.SetAsideAt is not null,
            list.Select(e => (e.Member, e.Step)).ToHashSet(),
            list.Where(e => e.Step == RepairStep.Heard && e.Reply is not null).ToDictionary(e => e.Member, e => e.Reply!.Value)
        );
    }
}

/// <summary>
/// The rules of a repair, pure (and tested on their own): which step is current, when a step is
/// revealed, who may write or change what, pausing and resuming, the follow-up a week after the plan,
/// and when a repair counts as unresolved for Support.
/// </summary>
public static class RepairRules
{
    /// <summary>The written steps, in order; each is revealed once both partners have written it.</summary>
    public static readonly IReadOnlyList<RepairStep> Steps =
    [
        RepairStep.Feelings,
        RepairStep.Account,
        RepairStep.Heard,
        RepairStep.Past,
        RepairStep.Own,
        RepairStep.Plan,
    ];

    public static readonly IReadOnlyList<string> FollowUpChoices = ["better", "mixed", "still-hurts"];

    public const string StillHurts = "still-hurts";

    /// <summary>
    /// The choice stored for "your part" when a member leaves it for now ("not mine to answer now"). It
    /// counts as written, so the step still opens for both; nobody owes a share of the blame (decisions/0031).
    /// </summary>
    public const string LeftForNow = "left-for-now";

    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromDays(7);

    /// <summary>An open repair not completed after this long counts as unresolved (decisions/0016).</summary>
    public static readonly TimeSpan UnresolvedAfter = TimeSpan.FromDays(14);

    /// <summary>
    /// Steps a member may leave for now without writing: only "your part". We cannot know who was hurt,
    /// so either partner may, privately, and until the reveal it looks exactly like a written entry.
    /// </summary>
    public static bool MayLeaveForNow(RepairStep step) => step == RepairStep.Own;

    /// <summary>Steps that carry two texts.</summary>
    public static bool HasSecondText(RepairStep step) => step is RepairStep.Own or RepairStep.Plan;

    public static string KeyOf(RepairStep step) => step.ToString().ToLowerInvariant();

    public static bool BothCalm(RepairState s) => s.OpenerCalm && s.PartnerCalm;

    public static bool IsMember(RepairState s, Guid member) => member == s.OpenedBy || member == s.PartnerId;

    public static Guid PartnerOf(RepairState s, Guid member) => member == s.OpenedBy ? s.PartnerId : s.OpenedBy;

    public static bool Wrote(RepairState s, Guid member, RepairStep step) => s.Written.Contains((member, step));

    /// <summary>Both have written it: each now sees both, and neither can change theirs.</summary>
    public static bool Revealed(RepairState s, RepairStep step) => Wrote(s, s.OpenedBy, step) && Wrote(s, s.PartnerId, step);

    /// <summary>What <paramref name="speaker"/> said of what their partner heard of them; null until they say.</summary>
    public static HeardReply? ReplyOf(RepairState s, Guid speaker) =>
        s.Replies is not null && s.Replies.TryGetValue(speaker, out var reply) ? reply : null;

    /// <summary>
    /// "What you heard" is settled once each partner has said the other caught it ("yes, that's it"); until then the couple stays
    /// on it, and a listener told "some of it got missed" tries again. A repair that went past this step before the answers
    /// existed counts as settled, so nobody is sent back.
    /// </summary>
    public static bool HeardSettled(RepairState s) =>
        (ReplyOf(s, s.OpenedBy) == HeardReply.Yes && ReplyOf(s, s.PartnerId) == HeardReply.Yes)
        || s.Written.Any(w => w.Step > RepairStep.Heard && w.Step <= RepairStep.Plan);

    /// <summary>Both have written "what you heard", and now each says whether they were heard.</summary>
    public static bool Answering(RepairState s) => Revealed(s, RepairStep.Heard) && !HeardSettled(s);

    /// <summary>The listener may write "what you heard" again: their partner said some of it got missed.</summary>
    public static bool MayTryAgain(RepairState s, Guid listener) => ReplyOf(s, PartnerOf(s, listener)) == HeardReply.Missed;

    /// <summary>While the couple answers "what you heard": whether something waits on <paramref name="member"/> (their own answer,
    /// or a new try after "some of it got missed").</summary>
    public static bool HeardWaitsOn(RepairState s, Guid member) => ReplyOf(s, member) is null || MayTryAgain(s, member);

    /// <summary>
    /// The step the couple is on: <see cref="RepairStep.Calm"/> until both said they are calm enough
    /// (again, after a pause), then the first step not yet revealed (or "what you heard" until both feel heard), then
    /// <see cref="RepairStep.Done"/>.
    /// </summary>
    public static RepairStep Current(RepairState s)
    {
        if (s.Completed || Steps.All(step => Revealed(s, step)))
        {
            return RepairStep.Done;
        }

        if (!BothCalm(s) || s.Paused)
        {
            return RepairStep.Calm;
        }

        return Steps.First(step => !Revealed(s, step) || (step == RepairStep.Heard && !HeardSettled(s)));
    }

    /// <summary>Whether <paramref name="viewer"/> may read what their partner wrote at <paramref name="step"/>: only once they wrote their
    /// own.</summary>
    public static bool MaySeePartners(RepairState s, Guid viewer, RepairStep step) =>
        IsMember(s, viewer) && Wrote(s, viewer, step) && Wrote(s, PartnerOf(s, viewer), step);

    /// <summary>The problem, in words, with <paramref name="member"/> writing <paramref name="step"/> now; null when they may.</summary>
    public static string? CanWrite(RepairState s, Guid member, RepairStep step)
    {
        if (!IsMember(s, member))
        {
            return Text.Of("This repair isn't yours.");
        }

        if (s.SetAside)
        {
            return Text.Of("This repair was set aside. You can open a new one whenever you're ready.");
        }

        if (step == RepairStep.FollowUp)
        {
            return s.Completed ? null : Text.Of("The follow-up comes a week after you've both shared your plan.");
        }

        if (NotNow(s) is { } notNow)
        {
            return notNow;
        }

        if (Revealed(s, step))
        {
            // A listener told "some of it got missed" writes what they heard again; otherwise a shared step stays as it is.
            return step == Current(s) && MayTryAgain(s, member) ? null : Text.Of("You've both shared this step, so it's kept as it is.");
        }

        return step == Current(s) ? null : Text.Of("That isn't the step you're on. Here is where you are now.");
    }

    /// <summary>The problem, in words, with <paramref name="member"/> saying now whether their partner heard them; null when they
    /// may.</summary>
    public static string? CanReply(RepairState s, Guid member)
    {
        if (!IsMember(s, member))
        {
            return Text.Of("This repair isn't yours.");
        }

        if (s.SetAside)
        {
            return Text.Of("This repair was set aside. You can open a new one whenever you're ready.");
        }

        if (NotNow(s) is { } notNow)
        {
            return notNow;
        }

        return Current(s) == RepairStep.Heard && Answering(s)
            ? null
            : Text.Of("You can say whether you were heard once you have both written \"what you heard\".");
    }

    // Finished, or not going on now (before both are calm, or during a break).
    private static string? NotNow(RepairState s) =>
        Current(s) switch
        {
            RepairStep.Done => Text.Of("You've finished this repair together, so it's kept as it is."),
            RepairStep.Calm => s.Paused
                ? Text.Of("You're taking a break. When you're both calm enough to go on, each of you says so.")
                : Text.Of("You both say you're calm enough before the first step."),
            _ => null,
        };

    /// <summary>Saying "I'm calm enough": to start, or to go on after a pause. The pause ends when both have said it.</summary>
    public static string? Calm(Incident incident, Guid member)
    {
        var problem = Open(incident, member);
        if (problem is not null)
        {
            return problem;
        }

        if (member == incident.OpenedBy)
        {
            incident.OpenerCalm = true;
        }
        else
        {
            incident.PartnerCalm = true;
        }

        if (incident.OpenerCalm && incident.PartnerCalm)
        {
            (incident.Paused, incident.PausedAt) = (false, null);
        }

        return null;
    }

    /// <summary>Either can pause at any step: both then say they are calm enough again to go on.</summary>
    public static string? Pause(Incident incident, Guid member, DateTime now)
    {
        var problem = Open(incident, member);
        if (problem is not null)
        {
            return problem;
        }

        (incident.Paused, incident.PausedAt, incident.OpenerCalm, incident.PartnerCalm) = (true, now, false, false);
        return null;
    }

    public static string? SetAside(Incident incident, Guid member, DateTime now)
    {
        var problem = Open(incident, member);
        if (problem is not null)
        {
            return problem;
        }

        incident.SetAsideAt = now;
        return null;
    }

    public static bool FollowUpDue(Incident incident, DateTime now) => incident.FollowUpDueAt is { } due && due <= now;

    /// <summary>
    /// Unresolved, for Support: opened more than <see cref="UnresolvedAfter"/> ago and neither completed
    /// nor set aside; or completed, and the member's own follow-up said it still hurts. Only the member's
    /// own follow-up counts: the partner's answer may not be revealed to them.
    /// </summary>
    public static bool Unresolved(Incident incident, DateTime now, string? myFollowUp) =>
        incident.SetAsideAt is null
        && (
            (incident.CompletedAt is null && incident.OpenedAt <= now - UnresolvedAfter)
            || (incident.CompletedAt is not null && myFollowUp == StillHurts)
        );

    private static string? Open(Incident incident, Guid member)
    {
        if (member != incident.OpenedBy && member != incident.PartnerId)
        {
            return Text.Of("This repair isn't yours.");
        }

        if (incident.SetAsideAt is not null)
        {
            return Text.Of("This repair was set aside. You can open a new one whenever you're ready.");
        }

        return incident.CompletedAt is not null ? Text.Of("You've finished this repair together, so it's kept as it is.") : null;
    }
}
