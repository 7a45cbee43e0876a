using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record EveningView(Guid Id, DayOfWeek Day, TimeOnly Time, int Minutes, string TimeZone, bool SetByMe, bool Agreed, IReadOnlyList<EveningDate> Next);

/// <summary>One week's evening: its local day in the evening's zone, its start, and whether it is skipped.</summary>
public sealed record EveningDate(DateOnly Day, DateTime StartsAt, bool Skipped);

/// <summary>
/// The recurring "our evening": one partner sets a weekday and time, the other agrees, and either may
/// skip a week or stop it. A change goes back to the partner to agree again.
/// </summary>
public sealed class Evenings(AppDbContext db, CurrentMember current, Preferences preferences, NoticeOutbox outbox, TimeProvider clock)
{
    public const int WeeksShown = 8;

    public async Task<EveningView?> MineAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var evening = await db.OurEvenings.AsNoTracking().Include(e => e.Skips).FirstOrDefaultAsync(e => e.CoupleId == viewer.CoupleId && viewer.CoupleId != null, cancellationToken);
        if (evening is null)
        {
            return null;
        }

        var now = Now;
        var next = EveningRules.Occurrences(evening, now, now.AddDays(7 * WeeksShown + 1), includeSkipped: true)
            .Take(WeeksShown)
            .Select(o => new EveningDate(o.Day, o.StartsAt, evening.Skips.Any(s => s.Day == o.Day)))
            .ToList();
        return new EveningView(evening.Id, evening.Day, evening.Time, evening.Minutes, evening.TimeZone, evening.SetBy == viewer.MemberId, evening.AgreedAt is not null, next);
    }

    public async Task<Outcome<bool>> SetAsync(string? day, string? time, int minutes, CancellationToken cancellationToken = default)
    {
        if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: false, out var weekday) || !Enum.IsDefined(weekday) || int.TryParse(day, out _))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose a day of the week."));
        }

        if (!TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose a time of day, for example 19:30."));
        }

        if (!EveningRules.Durations.Contains(minutes))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose how long your evening lasts."));
        }

        var prefs = await preferences.ForAsync(current.RequiredMemberId, cancellationToken);
        return await ChangeAsync(create: true, (evening, viewer) =>
        {
            if (evening.Day == weekday && evening.Time == at && evening.Minutes == minutes && evening.TimeZone == prefs.TimeZone && evening.AgreedAt is not null)
            {
                return null;
            }

            var local = DateOnly.FromDateTime(prefs.Local(Now));
            evening.Day = weekday;
            evening.Time = at;
            evening.Minutes = minutes;
            evening.TimeZone = prefs.TimeZone;
            evening.SetBy = viewer;
            evening.StartsOn = local;
            evening.AgreedAt = null;
            evening.Skips.Clear();
            return null;
        }, cancellationToken);
    }

    public Task<Outcome<bool>> AgreeAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync(create: false, (evening, viewer) =>
        {
            if (evening.SetBy == viewer)
            {
                return Text.Of("You set this evening up: your partner agrees to it.");
            }

            evening.AgreedAt ??= Now;
            return null;
        }, cancellationToken);

    /// <summary>Skips (or, with <paramref name="skip"/> false, brings back) one week's evening still to come.</summary>
    public async Task<Outcome<bool>> SkipAsync(string? day, bool skip, CancellationToken cancellationToken = default)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Outcome<bool>.Fail(Text.Of("That evening isn't on your list."));
        }

        return await ChangeAsync(create: false, (evening, viewer) =>
        {
            var upcoming = EveningRules.Occurrences(evening, Now, Now.AddDays(7 * WeeksShown + 1), includeSkipped: true).Take(WeeksShown);
            if (!upcoming.Any(o => o.Day == date))
            {
                return Text.Of("That evening isn't on your list: only the coming weeks' evenings can be skipped.");
            }

            var existing = evening.Skips.FirstOrDefault(s => s.Day == date);
            if (skip && existing is null)
            {
                // Added explicitly: EF would take a new child with its key already set for an existing row.
                var skipped = new EveningSkip { Id = Guid.NewGuid(), EveningId = evening.Id, CoupleId = evening.CoupleId, Day = date, SkippedBy = viewer, SkippedAt = Now };
                evening.Skips.Add(skipped);
                db.Add(skipped);
            }
            else if (!skip && existing is not null)
            {
                evening.Skips.Remove(existing);
            }

            return null;
        }, cancellationToken);
    }

    public async Task<Outcome<bool>> StopAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var deleted = await db.OurEvenings.Where(e => e.CoupleId == viewer.CoupleId && viewer.CoupleId != null).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0 && await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await outbox.QueueAsync(partnerId, NoticeKind.DateNews, $"evening-stopped:{viewer.CoupleId:N}:{partnerId:N}:{Now.Ticks}", cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Outcome<bool>> ChangeAsync(bool create, Func<OurEvening, Guid, string?> change, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Outcome<bool>.Fail(Text.Of("Your evening is planned together: once your partner has joined, you can set one up."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var evening = await db.OurEvenings.Include(e => e.Skips).FirstOrDefaultAsync(e => e.CoupleId == coupleId, cancellationToken);
        if (evening is null)
        {
            if (!create)
            {
                return Outcome<bool>.Fail(Text.Of("There is no evening set up yet."));
            }

            evening = new OurEvening { Id = Guid.NewGuid(), CoupleId = coupleId, CreatedAt = Now };
            db.OurEvenings.Add(evening);
        }

        if (change(evening, viewer.MemberId) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        if (db.Entry(evening).State == EntityState.Unchanged && !db.ChangeTracker.HasChanges())
        {
            return Outcome<bool>.Ok(true);
        }

        evening.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(Text.Of("Your partner changed your evening at the same moment. Please look again."));
        }

        await outbox.QueueAsync(partnerId, NoticeKind.DateNews, $"evening:{evening.Id:N}:{partnerId:N}:{evening.Revision}", cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
