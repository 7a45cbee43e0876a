using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Guided;

/// <summary>Starting the program: the pace ("weekly" or "fortnightly") and whether to get the one gentle reminder.</summary>
public sealed record StartProgramRequest(string? Pace, bool Reminders);

/// <summary>
/// Starts the couple's program from the member's latest check (domains only) and, when both shared on the Couple Map, the
/// partner's shared domains. One active run per couple space: a second start finds the first.
/// </summary>
public sealed class StartProgram(
    AppDbContext db,
    CurrentMember current,
    ProgramStore store,
    MyChecks checks,
    GetCoupleMap map,
    Lessons lessons,
    PlanSteps steps,
    SaveProgramReminders reminders,
    TimeProvider clock
)
{
    public async Task<Outcome<bool>> HandleAsync(StartProgramRequest request, CancellationToken cancellationToken = default)
    {
        if (ProgramPace.Days(request.Pace) is not { } every)
        {
            return Problem.Invalid("pace", Text.Of("Choose a session every week or every two weeks."));
        }

        var latest = (await checks.HandleAsync(cancellationToken)).Latest;
        if (latest is null)
        {
            return Problem.Conflict(Text.Of("Take the Rough Patch Check first: your program is made from it."));
        }

        if (lessons.All.Count == 0)
        {
            return Problem.Conflict(Text.Of("The program's lessons are not here yet. Please try again later."));
        }

        var me = current.RequiredMemberId;
        var coupleId = (await current.MembershipAsync(cancellationToken))?.CoupleId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (coupleId is { } couple)
        {
            await Rows.LockCoupleAsync(db, couple, cancellationToken);
        }

        if (await store.ActiveRunAsync(cancellationToken) is not null)
        {
            return Problem.Conflict(Text.Of("Your program has already begun."));
        }

        var shared = await map.PartnerSharedDomainsAsync(cancellationToken);
        var doneBefore = await store.DoneBeforeAsync(null, cancellationToken);
        var order = ProgramRules.Order(latest.Scores.Domains, shared, lessons, steps, doneBefore);
        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = await db.ProgramRuns.CountAsync(
            r => r.StartedBy == me || (coupleId != null && r.CoupleId == coupleId),
            cancellationToken
        );
        db.ProgramRuns.Add(
            new ProgramRun
            {
                Id = Guid.NewGuid(),
                CoupleId = coupleId,
                StartedBy = me,
                Kind = ProgramKind.SixWeeks,
                Number = earlier + 1,
                FirstDay = await store.TodayAsync(cancellationToken),
                EveryDays = every,
                Order = string.Join(',', order),
                OrderedAt = now,
                StartedAt = now,
            }
        );
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Started by the partner at the same moment: theirs is the couple's program.
            return Problem.Conflict(Text.Of("Your program has already begun."));
        }

        if (request.Reminders)
        {
            await reminders.HandleAsync(new ProgramRemindersRequest(true, null), cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }
}

/// <summary>The next program after six weeks: "six-weeks" (from the areas still strained) or "monthly" (one session a month).</summary>
public sealed record NextProgramRequest(string? Kind);

public sealed class StartNextProgram(
    AppDbContext db,
    CurrentMember current,
    ProgramStore store,
    GetProgram program,
    MyChecks checks,
    GetCoupleMap map,
    Lessons lessons,
    PlanSteps steps,
    TimeProvider clock
)
{
    public async Task<Outcome<bool>> HandleAsync(NextProgramRequest request, CancellationToken cancellationToken = default)
    {
        var kind = request.Kind switch
        {
            "six-weeks" => ProgramKind.SixWeeks,
            "monthly" => ProgramKind.Monthly,
            _ => (ProgramKind?)null,
        };
        if (kind is null)
        {
            return Problem.Invalid("kind", Text.Of("Choose a next program or a session a month."));
        }

        var view = await program.HandleAsync(cancellationToken);
        if (view.Run is null || !view.Finished)
        {
            return Problem.Conflict(Text.Of("A next program can begin once this one is done."));
        }

        var latest = (await checks.HandleAsync(cancellationToken)).Latest!;
        var shared = await map.PartnerSharedDomainsAsync(cancellationToken);
        var doneBefore = await store.DoneBeforeAsync(null, cancellationToken);
        var order =
            kind == ProgramKind.SixWeeks
                ? ProgramRules.Order(latest.Scores.Domains, shared, lessons, steps, doneBefore)
                : ProgramRules.Monthly(latest.Scores.Domains, shared, lessons, doneBefore);
        if (!order.Any(k => k != ProgramRules.LookBack))
        {
            return Problem.Conflict(Text.Of("You have done every lesson there is. The library keeps them all for you to read again."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var coupleId = view.Run.CoupleId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (coupleId is { } couple)
        {
            await Rows.LockCoupleAsync(db, couple, cancellationToken);
        }

        var ended = await db
            .ProgramRuns.Where(r => r.Id == view.Run.Id && r.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, now), cancellationToken);
        if (ended == 0)
        {
            return Problem.Conflict(Text.Of("Your next program has already begun."));
        }

        db.ProgramRuns.Add(
            new ProgramRun
            {
                Id = Guid.NewGuid(),
                CoupleId = coupleId,
                StartedBy = current.RequiredMemberId,
                Kind = kind.Value,
                Number = view.Run.Number + 1,
                FirstDay = await store.TodayAsync(cancellationToken),
                EveryDays = kind == ProgramKind.Monthly ? ProgramPace.Monthly : view.Run.EveryDays,
                Order = string.Join(',', order),
                OrderedAt = now,
                StartedAt = now,
            }
        );
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>The pace words the forms and the API use.</summary>
public static class ProgramPace
{
    public const int Monthly = 28;

    public static int? Days(string? pace) =>
        pace switch
        {
            "weekly" => 7,
            "fortnightly" => 14,
            _ => null,
        };

    public static string Name(int days) =>
        days switch
        {
            7 => "weekly",
            14 => "fortnightly",
            _ => "monthly",
        };
}

public sealed record PaceRequest(string? Pace);

/// <summary>A session every week or every two weeks: the current session stays open from today, the next ones move.</summary>
public sealed class SetProgramPace(AppDbContext db, ProgramStore store, GetProgram program)
{
    public async Task<Outcome<bool>> HandleAsync(PaceRequest request, CancellationToken cancellationToken = default)
    {
        if (ProgramPace.Days(request.Pace) is not { } every)
        {
            return Problem.Invalid("pace", Text.Of("Choose a session every week or every two weeks."));
        }

        var view = await program.HandleAsync(cancellationToken);
        if (view.Run is null)
        {
            return Problem.NotFound(Text.Of("Start your program first."));
        }

        if (view.Run.Kind == ProgramKind.Monthly)
        {
            return Problem.Conflict(Text.Of("This program has one session a month."));
        }

        var run = await db.ProgramRuns.FirstAsync(r => r.Id == view.Run.Id, cancellationToken);
        if (run.EveryDays != every)
        {
            run.EveryDays = every;
            run.FirstDay = ProgramRules.FirstDayForPace(await store.TodayAsync(cancellationToken), view.CurrentWeek, every);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }
}

public sealed record ProgramRemindersRequest(bool On, int? AfterDays);

/// <summary>The member's gentle reminder: on or off, and after how many days (2-7). Theirs alone.</summary>
public sealed class SaveProgramReminders(AppDbContext db, CurrentMember current)
{
    public async Task<Outcome<bool>> HandleAsync(ProgramRemindersRequest request, CancellationToken cancellationToken = default)
    {
        if (request.AfterDays is { } days && (days < ProgramRules.MinNudgeAfterDays || days > ProgramRules.MaxNudgeAfterDays))
        {
            return Problem.Invalid(
                "afterDays",
                Text.Of("Choose between {0} and {1} days.", ProgramRules.MinNudgeAfterDays, ProgramRules.MaxNudgeAfterDays)
            );
        }

        var me = current.RequiredMemberId;
        var row = await db.ProgramNudgeSettings.FirstOrDefaultAsync(s => s.MemberId == me, cancellationToken);
        if (row is null)
        {
            row = new ProgramNudgeSettings { MemberId = me };
            db.ProgramNudgeSettings.Add(row);
        }

        row.On = request.On;
        row.AfterDays = request.AfterDays ?? row.AfterDays;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict(Text.Of("That was saved from another window at the same moment. Please look again."));
        }

        return Outcome<bool>.Ok(true);
    }
}
