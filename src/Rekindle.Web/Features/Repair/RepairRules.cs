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
    IReadOnlySet<(Guid Member, RepairStep Step)> Written
)
{
    public static RepairState Of(Incident incident, IEnumerable<(Guid Member, RepairStep Step)> written) =>
        new(
            incident.OpenedBy,
            incident.PartnerId,
            incident.OpenerCalm,
            incident.PartnerCalm,
            incident.Paused,
            incident.CompletedAt is not null,
            incident.SetAsideAt is not null,
            written.ToHashSet()
        );
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

    /// <summary>
    /// The step the couple is on: <see cref="RepairStep.Calm"/> until both said they are calm enough
    /// (again, after a pause), then the first step not yet revealed, then <see cref="RepairStep.Done"/>.
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

        return Steps.First(step => !Revealed(s, step));
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

        var current = Current(s);
        if (current == RepairStep.Done)
        {
            return Text.Of("You've finished this repair together, so it's kept as it is.");
        }

        if (current == RepairStep.Calm)
        {
            return s.Paused
                ? Text.Of("You're taking a break. When you're both calm enough to go on, each of you says so.")
                : Text.Of("You both say you're calm enough before the first step.");
        }

        if (Revealed(s, step))
        {
            return Text.Of("You've both shared this step, so it's kept as it is.");
        }

        return step == current ? null : Text.Of("That isn't the step you're on. Here is where you are now.");
    }

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
