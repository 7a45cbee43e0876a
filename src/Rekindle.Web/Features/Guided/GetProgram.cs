using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Guided;

/// <summary>The shared parts of a session for one member: what the partner may see ("done / not yet").</summary>
public sealed record SharedParts(bool LessonDone, bool TogetherDone)
{
    /// <summary>"Done / not yet" in words, the same for the member and the partner.</summary>
    public string Describe() =>
        (LessonDone ? Text.Of("lesson read") : Text.Of("lesson not read yet"))
        + " · "
        + (TogetherDone ? Text.Of("practice done") : Text.Of("practice not yet"));
}

/// <summary>A three-question end check, private to its member.</summary>
public sealed record EndCheck(string Helpful, string Together, int Closeness)
{
    public static readonly string[] HelpfulAnswers = ["yes", "a-little", "not-really"];

    public static readonly string[] TogetherAnswers = ["yes", "not-yet", "not-this-week"];
}

/// <summary>
/// One session as the member sees it: the lesson shown to them (for a member with a safety concern, lessons that assume safety
/// are replaced in their view only), whether to offer the part for one, and the partner's shared parts.
/// </summary>
public sealed record SessionView(
    int Week,
    DateOnly OpensOn,
    bool Open,
    bool Current,
    bool LookBack,
    Lesson? Lesson,
    SharedParts Mine,
    bool Opened,
    bool Reflected,
    bool Checked,
    SharedParts? Partner,
    bool OfferAlonePart,
    bool TogetherOpen
);

/// <summary>The member's view of their couple's program, or what they need to start one.</summary>
public sealed record ProgramView(
    ProgramRun? Run,
    bool HasCheck,
    IReadOnlyList<SessionView> Sessions,
    int CurrentWeek,
    bool Finished,
    bool HasPartner,
    string? PartnerName,
    RestState Rest,
    bool OfferSlowerPace,
    bool NudgesOn,
    int NudgeAfterDays,
    DateOnly Today
)
{
    public SessionView? This => Sessions.FirstOrDefault(s => s.Week == CurrentWeek);
}

/// <summary>The member's run and their couple's: found once per request.</summary>
public sealed class ProgramStore(AppDbContext db, CurrentMember current, Account.Preferences preferences, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProgramRun?> ActiveRunAsync(CancellationToken cancellationToken = default)
    {
        var me = current.RequiredMemberId;
        var coupleId = (await current.MembershipAsync(cancellationToken))?.CoupleId;
        var run = coupleId is { } couple
            ? await db.ProgramRuns.FirstOrDefaultAsync(r => r.EndedAt == null && r.CoupleId == couple, cancellationToken)
            : null;
        if (run is null)
        {
            // Started alone: it becomes the couple's once the member has a couple space.
            run = await db.ProgramRuns.FirstOrDefaultAsync(
                r => r.EndedAt == null && r.CoupleId == null && r.StartedBy == me,
                cancellationToken
            );
            if (run is not null && coupleId is not null)
            {
                run.CoupleId = coupleId;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The couple already has a program (the partner started one): theirs leads, this one ends.
                    db.ChangeTracker.Clear();
                    await db
                        .ProgramRuns.Where(r => r.Id == run.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
                    return await db.ProgramRuns.FirstOrDefaultAsync(r => r.EndedAt == null && r.CoupleId == coupleId, cancellationToken);
                }
            }
        }

        return run;
    }

    /// <summary>Lessons in the couple's (or the member's) earlier runs: not chosen again.</summary>
    public async Task<HashSet<string>> DoneBeforeAsync(Guid? exceptRun, CancellationToken cancellationToken = default)
    {
        var me = current.RequiredMemberId;
        var coupleId = (await current.MembershipAsync(cancellationToken))?.CoupleId;
        var orders = await db
            .ProgramRuns.AsNoTracking()
            .Where(r => r.Id != exceptRun && (r.StartedBy == me || (coupleId != null && r.CoupleId == coupleId)))
            .Select(r => r.Order)
            .ToListAsync(cancellationToken);
        return orders.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var prefs = await preferences.MineAsync(cancellationToken);
        return DateOnly.FromDateTime(prefs.Local(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<List<ProgramWeek>> WeeksAsync(Guid runId, CancellationToken cancellationToken = default) =>
        await db.ProgramWeeks.Where(w => w.RunId == runId).ToListAsync(cancellationToken);
}

/// <summary>
/// The member's view of the program. Re-orders the sessions not yet begun once both partners have shared on the Couple Map
/// after the order was made (from both shares' domain scores only).
/// </summary>
public sealed class GetProgram(
    AppDbContext db,
    CurrentMember current,
    ProgramStore store,
    MyChecks checks,
    GetCoupleMap map,
    GetCoupleStatus status,
    Resting resting,
    Lessons lessons,
    PlanSteps steps,
    TimeProvider clock
)
{
    public async Task<ProgramView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var me = current.RequiredMemberId;
        var latest = (await checks.HandleAsync(cancellationToken)).Latest;
        var couple = await status.HandleAsync(cancellationToken);
        var partnerId = couple.Stage == CoupleStage.Together ? await current.PartnerIdAsync(cancellationToken) : null;
        var rest = await resting.StateAsync(cancellationToken);
        var today = await store.TodayAsync(cancellationToken);
        var settings = await db.ProgramNudgeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == me, cancellationToken);
        var run = await store.ActiveRunAsync(cancellationToken);
        if (run is null)
        {
            return new ProgramView(
                null,
                latest is not null,
                [],
                1,
                false,
                partnerId is not null,
                couple.PartnerFirstName,
                rest,
                false,
                settings?.On ?? false,
                settings?.AfterDays ?? ProgramRules.DefaultNudgeAfterDays,
                today
            );
        }

        await ReorderAsync(run, today, cancellationToken);
        var order = run.Sessions;
        var mine = ProgramRules.ForMember(order, rest.Concern, lessons, latest?.Scores.Domains ?? new Dictionary<string, int>());
        var weeks = await store.WeeksAsync(run.Id, cancellationToken);
        var thisWeek = ProgramRules.CurrentWeek(run.FirstDay, run.EveryDays, order.Count, today);
        var alone = partnerId is null || rest.Couple;
        var sessions = new List<SessionView>();
        for (var week = 1; week <= order.Count; week++)
        {
            var my = weeks.FirstOrDefault(w => w.MemberId == me && w.Week == week);
            var theirs = partnerId is { } p ? weeks.FirstOrDefault(w => w.MemberId == p && w.Week == week) : null;
            var key = mine[week - 1];
            var lesson = lessons.ByKey.GetValueOrDefault(key) ?? (key == ProgramRules.LookBack ? ProgramRules.LookBackLesson() : null);
            var opensOn = ProgramRules.OpensOn(run.FirstDay, run.EveryDays, week);
            var myParts = new SharedParts(my?.LessonDoneAt is not null, my?.TogetherDoneAt is not null);
            var partnerParts = partnerId is null
                ? null
                : new SharedParts(theirs?.LessonDoneAt is not null, theirs?.TogetherDoneAt is not null);
            sessions.Add(
                new SessionView(
                    week,
                    opensOn,
                    opensOn <= today,
                    week == thisWeek,
                    key == ProgramRules.LookBack,
                    lesson,
                    myParts,
                    my?.OpenedAt is not null,
                    my?.Reflection is not null,
                    my?.EndCheck is not null,
                    partnerParts,
                    alone,
                    !alone && myParts.LessonDone && partnerParts!.LessonDone
                )
            );
        }

        // Two sessions (in a row or not) that have begun and passed without being opened: a kind offer of a slower pace.
        var missed = sessions.Count(s => s.Week < thisWeek && !s.Opened);
        return new ProgramView(
            run,
            latest is not null,
            sessions,
            thisWeek,
            ProgramRules.Finished(run.FirstDay, run.EveryDays, order.Count, today)
                || (sessions.Count > 0 && sessions[^1].Open && sessions[^1].Mine.LessonDone),
            partnerId is not null,
            couple.PartnerFirstName,
            rest,
            run.EveryDays == 7 && missed >= 2,
            settings?.On ?? false,
            settings?.AfterDays ?? ProgramRules.DefaultNudgeAfterDays,
            today
        );
    }

    /// <summary>Once both shared on the Couple Map after the order was made, the sessions not yet begun follow both shares.</summary>
    private async Task ReorderAsync(ProgramRun run, DateOnly today, CancellationToken cancellationToken)
    {
        if (run.CoupleId is not { } coupleId || run.Kind != ProgramKind.SixWeeks)
        {
            return;
        }

        var shares = await db.MapShares.AsNoTracking().Where(s => s.CoupleId == coupleId).ToListAsync(cancellationToken);
        if (shares.Count < 2 || shares.Max(s => s.SharedAt) <= run.OrderedAt)
        {
            return;
        }

        var first = await map.DomainsOfAsync(shares[0], cancellationToken);
        var second = await map.DomainsOfAsync(shares[1], cancellationToken);
        var sessions = run.Sessions;
        var begun = Enumerable
            .Range(1, sessions.Count)
            .TakeWhile(week => week < ProgramRules.Weeks && ProgramRules.OpensOn(run.FirstDay, run.EveryDays, week) <= today)
            .Select(week => sessions[week - 1])
            .ToList();
        var order = ProgramRules.Order(first, second, lessons, steps, await store.DoneBeforeAsync(run.Id, cancellationToken), begun);
        run.Order = string.Join(',', order);
        run.OrderedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>One session with the member's own private parts opened: their reflection and end check.</summary>
public sealed record SessionDetail(ProgramView Program, SessionView Session, string? Reflection, EndCheck? EndCheck);

public sealed class GetProgramWeek(AppDbContext db, CurrentMember current, GetProgram program, Sealer sealer, TimeProvider clock)
{
    /// <summary>The session, or null when there is no such open session; opening it counts as opened (for the reminders).</summary>
    public async Task<SessionDetail?> HandleAsync(int week, bool markOpened, CancellationToken cancellationToken = default)
    {
        var view = await program.HandleAsync(cancellationToken);
        var session = view.Sessions.FirstOrDefault(s => s.Week == week);
        if (view.Run is null || session is null || !session.Open)
        {
            return null;
        }

        var me = current.RequiredMemberId;
        var row = await db.ProgramWeeks.FirstOrDefaultAsync(
            w => w.RunId == view.Run.Id && w.MemberId == me && w.Week == week,
            cancellationToken
        );
        if (markOpened && row?.OpenedAt is null)
        {
            await ProgramWeekRows.TouchAsync(
                db,
                view.Run.Id,
                me,
                week,
                r => r.OpenedAt ??= clock.GetUtcNow().UtcDateTime,
                cancellationToken
            );
        }

        var reflection = row?.Reflection is { } r1
            ? await sealer.OpenAsync(r1, row.PlaceOf(nameof(ProgramWeek.Reflection)), cancellationToken)
            : null;
        var check = row?.EndCheck is { } c1
            ? JsonSerializer.Deserialize<EndCheck>(
                await sealer.OpenAsync(c1, row.PlaceOf(nameof(ProgramWeek.EndCheck)), cancellationToken),
                ProgramStore.Json
            )
            : null;
        return new SessionDetail(view, session, reflection, check);
    }
}

/// <summary>Finds or makes the member's row for a session, changes it and saves; a double tap is harmless.</summary>
internal static class ProgramWeekRows
{
    public static async Task<ProgramWeek> TouchAsync(
        AppDbContext db,
        Guid runId,
        Guid memberId,
        int week,
        Action<ProgramWeek> change,
        CancellationToken cancellationToken
    ) =>
        await TouchAsync(
            db,
            runId,
            memberId,
            week,
            r =>
            {
                change(r);
                return Task.CompletedTask;
            },
            cancellationToken
        );

    public static async Task<ProgramWeek> TouchAsync(
        AppDbContext db,
        Guid runId,
        Guid memberId,
        int week,
        Func<ProgramWeek, Task> change,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.ProgramWeeks.FirstOrDefaultAsync(
                w => w.RunId == runId && w.MemberId == memberId && w.Week == week,
                cancellationToken
            );
            if (row is null)
            {
                row = new ProgramWeek
                {
                    Id = Guid.NewGuid(),
                    RunId = runId,
                    MemberId = memberId,
                    Week = week,
                };
                db.ProgramWeeks.Add(row);
            }

            await change(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Made at the same moment by another request: change that one instead.
                db.ChangeTracker.Clear();
            }
        }
    }
}
