using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// What the date use cases share: reading a date as the member sees it, changing one with the couple
/// locked, and reading a typed day and time. Everything starts from <see cref="CurrentMember"/>:
/// another couple's date is simply not found.
/// </summary>
public sealed class DateStore(AppDbContext db, CurrentMember current, Sealer sealer, NoticeOutbox outbox, TimeProvider clock)
{
    /// <summary>How far ahead a date may be planned.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One of the member's couple's dates, or null when it is not theirs.</summary>
    public async Task<DateView?> FindAsync(Guid planId, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var plan = await db
            .DatePlans.AsNoTracking()
            .Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.Id == planId && p.CoupleId == viewer.CoupleId && viewer.CoupleId != null, cancellationToken);
        return plan is null ? null : (await ViewsAsync(viewer, [plan], cancellationToken))[0];
    }

    /// <summary>The plans as the member sees them, with what the rule lets them see of how each went.</summary>
    public async Task<List<DateView>> ViewsAsync(Viewer viewer, List<DatePlan> plans, CancellationToken cancellationToken)
    {
        var keys = plans.Select(p => DateReflection.KeyFor(p.Id)).ToList();
        var reflections = await db
            .DateReflections.AsNoTracking()
            .Where(r => r.CoupleId == viewer.CoupleId && keys.Contains(r.PromptKey))
            .ToListAsync(cancellationToken);
        var views = new List<DateView>();
        foreach (var plan in plans)
        {
            views.Add(await ViewAsync(plan, viewer, reflections, cancellationToken));
        }

        return views;
    }

    /// <summary>Reads a local day and time typed by the member, in their zone, as a future UTC time; problems name <paramref
    /// name="dayField"/> or <paramref name="timeField"/>.</summary>
    public Outcome<DateTime> ParseTime(string? day, string? time, MemberPreferences prefs, string dayField, string timeField)
    {
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Problem.Invalid(dayField, Text.Of("Please choose a day for each time you offer."));
        }

        if (!TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return Problem.Invalid(timeField, Text.Of("Please choose a time of day (for example 19:30) for each day you offer."));
        }

        var utc = EveningRules.ToUtc(date.ToDateTime(at), prefs.Zone());
        if (utc <= Now)
        {
            return Problem.Invalid(timeField, Text.Of("That time has already passed. Please choose one still to come."));
        }

        return utc > Now + Horizon
            ? Problem.Invalid(timeField, Text.Of("Please choose a time within the next year."))
            : Outcome<DateTime>.Ok(utc);
    }

    /// <summary>
    /// Reads, changes and saves one of the couple's dates with the couple locked, so two answers at the
    /// same moment (both accepting, one cancelling) take turns instead of overwriting each other. The
    /// partner hears of it; the answer is the date as the member now sees it.
    /// </summary>
    public async Task<Outcome<DateView>> ChangeAsync(
        Guid planId,
        Func<DatePlan, Viewer, Problem?> change,
        CancellationToken cancellationToken
    )
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return NotYours();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
            var plan = await db
                .DatePlans.Include(p => p.Options)
                .FirstOrDefaultAsync(p => p.Id == planId && p.CoupleId == coupleId, cancellationToken);
            if (plan is null)
            {
                return NotYours();
            }

            if (plan.Status == DateStatus.Cancelled)
            {
                return Problem.Invalid("date", Text.Of("That date was cancelled."));
            }

            if (plan.Status == DateStatus.Agreed && plan.StartsAt <= Now)
            {
                return Problem.Invalid("date", Text.Of("That date has already begun, so it can't be changed."));
            }

            if (change(plan, viewer) is { } problem)
            {
                return problem;
            }

            plan.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problem.Conflict(Text.Of("Your partner changed this date at the same moment. Please look again."));
            }

            if (await current.PartnerIdAsync(cancellationToken) is { } partnerId)
            {
                await outbox.QueueAsync(
                    partnerId,
                    NoticeKind.DateNews,
                    $"date-proposed:{plan.Id:N}:{partnerId:N}:{plan.Revision}",
                    cancellationToken
                );
            }
        }

        return await FindAsync(planId, cancellationToken) is { } view ? Outcome<DateView>.Ok(view) : NotYours();
    }

    /// <summary>Another couple's date, or none: the same answer either way.</summary>
    public static Problem NotYours() => Problem.NotFound(Text.Of("That date is not in your space."));

    private async Task<DateView> ViewAsync(
        DatePlan plan,
        Viewer viewer,
        List<DateReflection> reflections,
        CancellationToken cancellationToken
    )
    {
        var title = await sealer.OpenAsync(plan.Title, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken) ?? "";
        var options = plan
            .Options.Where(o => !o.Closed)
            .OrderBy(o => o.StartsAt)
            .Select(o => new OptionView(o.Id, o.StartsAt, o.ProposedBy == viewer.MemberId))
            .ToList();
        ReflectionView? reflection = null;
        if (plan.Status == DateStatus.Agreed && plan.StartsAt <= Now)
        {
            var key = DateReflection.KeyFor(plan.Id);
            var mine = reflections.FirstOrDefault(r => r.PromptKey == key && r.OwnerId == viewer.MemberId);
            var theirs = reflections.FirstOrDefault(r => r.PromptKey == key && r.OwnerId != viewer.MemberId);
            var maySee =
                theirs is not null && Disclosure.MaySee(viewer, theirs.OwnerId, theirs.CoupleId, theirs.Visibility, mine is not null);
            reflection = new ReflectionView(
                mine is null ? null : await sealer.OpenAsync(mine.Rating, mine.PlaceOf(nameof(DateReflection.Rating)), cancellationToken),
                mine?.Highlight is null
                    ? null
                    : await sealer.OpenAsync(mine.Highlight, mine.PlaceOf(nameof(DateReflection.Highlight)), cancellationToken),
                maySee,
                maySee ? await sealer.OpenAsync(theirs!.Rating, theirs.PlaceOf(nameof(DateReflection.Rating)), cancellationToken) : null,
                maySee && theirs!.Highlight is not null
                    ? await sealer.OpenAsync(theirs.Highlight, theirs.PlaceOf(nameof(DateReflection.Highlight)), cancellationToken)
                    : null
            );
        }

        return new DateView(
            plan.Id,
            title,
            plan.IdeaKey,
            plan.Minutes,
            plan.Status,
            plan.ProposedBy == viewer.MemberId,
            plan.StartsAt,
            options,
            reflection
        );
    }
}
