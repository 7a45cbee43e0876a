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

/// <summary>A time typed on a page: a local day and time in the member's own zone.</summary>
public sealed record TimeInput(string? Day, string? Time);

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
    ReflectionView? Reflection)
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

/// <summary>
/// Proposing a date with one or more times, accepting one or suggesting another, cancelling, and the
/// private after-date reflection (blind reveal). Everything starts from <see cref="CurrentMember"/>:
/// another couple's date is simply not found.
/// </summary>
public sealed class Dates(AppDbContext db, CurrentMember current, Preferences preferences, DateIdeaLibrary library, Sealer sealer, NoticeOutbox outbox, TimeProvider clock)
{
    /// <summary>How far ahead a date may be planned.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    public async Task<Outcome<Guid>> ProposeAsync(string? title, string? ideaKey, int minutes, IReadOnlyList<TimeInput> times, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Outcome<Guid>.Fail(Text.Of("Dates are planned together: once your partner has joined, you can propose one."));
        }

        var text = title?.Trim() ?? "";
        if (Talk.TalkText.Problem(text, DatePlan.TitleMaxLength) is { } problem)
        {
            return Outcome<Guid>.Fail(text.Length == 0 ? Text.Of("Give your date a name, for example \"Walk by the river\".") : problem);
        }

        if (!EveningRules.Durations.Contains(minutes))
        {
            return Outcome<Guid>.Fail(Text.Of("Please choose how long it will take."));
        }

        var prefs = await preferences.ForAsync(viewer.MemberId, cancellationToken);
        var starts = new List<DateTime>();
        foreach (var time in times.Where(t => !string.IsNullOrWhiteSpace(t.Day) || !string.IsNullOrWhiteSpace(t.Time)))
        {
            var parsed = ParseTime(time, prefs);
            if (!parsed.Succeeded)
            {
                return Outcome<Guid>.Fail(parsed.Error!);
            }

            if (!starts.Contains(parsed.Value))
            {
                starts.Add(parsed.Value);
            }
        }

        if (starts.Count == 0)
        {
            return Outcome<Guid>.Fail(Text.Of("Offer at least one day and time."));
        }

        if (starts.Count > DatePlan.MaxOpenOptions)
        {
            return Outcome<Guid>.Fail(Text.Of("Offer at most {0} times.", DatePlan.MaxOpenOptions));
        }

        var now = Now;
        var plan = new DatePlan
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            ProposedBy = viewer.MemberId,
            IdeaKey = await KnownIdeaAsync(ideaKey, coupleId, cancellationToken),
            Minutes = minutes,
            TimeZone = prefs.TimeZone,
            CreatedAt = now,
            Options = starts.Order().Select(s => new DateOption { Id = Guid.NewGuid(), CoupleId = coupleId, ProposedBy = viewer.MemberId, StartsAt = s, CreatedAt = now }).ToList(),
        };
        plan.Title = await sealer.SealAsync(text, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken);
        db.DatePlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.QueueAsync(partnerId, NoticeKind.DateNews, $"date-proposed:{plan.Id:N}:{partnerId:N}:0", cancellationToken);
        return Outcome<Guid>.Ok(plan.Id);
    }

    public async Task<Outcome<bool>> AcceptAsync(Guid planId, Guid optionId, CancellationToken cancellationToken = default) =>
        await ChangeAsync(planId, (plan, viewer, _) =>
        {
            var option = plan.Options.FirstOrDefault(o => o.Id == optionId && !o.Closed);
            if (option is null)
            {
                return Text.Of("That time is no longer on offer. Please look again.");
            }

            if (option.ProposedBy == viewer.MemberId)
            {
                return Text.Of("That is a time you offered: your partner accepts it, or suggests another.");
            }

            if (option.StartsAt <= Now)
            {
                return Text.Of("That time has already passed. Suggest another one.");
            }

            plan.Status = DateStatus.Agreed;
            plan.StartsAt = option.StartsAt;
            plan.AgreedAt = Now;
            foreach (var open in plan.Options.Where(o => !o.Closed))
            {
                open.Closed = true;
            }

            return null;
        }, cancellationToken);

    public async Task<Outcome<bool>> SuggestAsync(Guid planId, TimeInput time, CancellationToken cancellationToken = default)
    {
        var prefs = await preferences.ForAsync(current.RequiredMemberId, cancellationToken);
        var parsed = ParseTime(time, prefs);
        if (!parsed.Succeeded)
        {
            return Outcome<bool>.Fail(parsed.Error!);
        }

        return await ChangeAsync(planId, (plan, viewer, _) =>
        {
            var mine = plan.Options.Where(o => !o.Closed && o.ProposedBy == viewer.MemberId).ToList();
            if (mine.Any(o => o.StartsAt == parsed.Value) || (plan.Status == DateStatus.Agreed && plan.StartsAt == parsed.Value))
            {
                return Text.Of("That time is already on the table.");
            }

            if (mine.Count >= DatePlan.MaxOpenOptions)
            {
                return Text.Of("You already offered {0} times. Wait for your partner's answer, or cancel and start again.", DatePlan.MaxOpenOptions);
            }

            // Added explicitly: EF would take a new child with its key already set for an existing row.
            var option = new DateOption { Id = Guid.NewGuid(), PlanId = plan.Id, CoupleId = plan.CoupleId, ProposedBy = viewer.MemberId, StartsAt = parsed.Value, CreatedAt = Now };
            plan.Options.Add(option);
            db.Add(option);
            return null;
        }, cancellationToken);
    }

    public Task<Outcome<bool>> CancelAsync(Guid planId, CancellationToken cancellationToken = default) =>
        ChangeAsync(planId, (plan, _, _) =>
        {
            plan.Status = DateStatus.Cancelled;
            plan.CancelledAt = Now;
            foreach (var open in plan.Options.Where(o => !o.Closed))
            {
                open.Closed = true;
            }

            return null;
        }, cancellationToken);

    /// <summary>The couple's dates: proposed, coming up, and the last few months' past ones.</summary>
    public async Task<IReadOnlyList<DateView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var since = Now.AddDays(-120);
        var plans = await db.DatePlans.AsNoTracking().Include(p => p.Options)
            .Where(p => p.CoupleId == coupleId && p.Status != DateStatus.Cancelled && (p.StartsAt == null || p.StartsAt >= since))
            .ToListAsync(cancellationToken);
        var reflections = await ReflectionsAsync(viewer, plans.Select(p => p.Id).ToList(), cancellationToken);
        var views = new List<DateView>();
        foreach (var plan in plans)
        {
            views.Add(await ViewAsync(plan, viewer, reflections, cancellationToken));
        }

        return views.OrderBy(v => v.StartsAt ?? v.Options.Select(o => o.StartsAt).DefaultIfEmpty(DateTime.MaxValue).Min()).ToList();
    }

    public async Task<DateView?> FindAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var plan = await db.DatePlans.AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.Id == planId && p.CoupleId == viewer.CoupleId && viewer.CoupleId != null, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        return await ViewAsync(plan, viewer, await ReflectionsAsync(viewer, [plan.Id], cancellationToken), cancellationToken);
    }

    /// <summary>After the date has begun: a rating and an optional highlight; editable until both have written theirs.</summary>
    public async Task<Outcome<bool>> ReflectAsync(Guid planId, string? rating, string? highlight, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var text = highlight?.Trim() ?? "";
        if (rating is null || !DateReflection.Ratings.Contains(rating))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose how it was for you."));
        }

        if (text.Length > 0 && Talk.TalkText.Problem(text, DateReflection.HighlightMaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        if (viewer.CoupleId is not { } coupleId)
        {
            return Outcome<bool>.Fail(Text.Of("That date is not in your space."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var plan = await db.DatePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.CoupleId == coupleId, cancellationToken);
        if (plan is null || plan.Status != DateStatus.Agreed || plan.StartsAt > Now)
        {
            return Outcome<bool>.Fail(Text.Of("You can say how it went once the date has begun."));
        }

        var key = DateReflection.KeyFor(planId);
        var rows = await db.DateReflections.Where(r => r.CoupleId == coupleId && r.PromptKey == key).ToListAsync(cancellationToken);
        var mine = rows.FirstOrDefault(r => r.OwnerId == viewer.MemberId);
        if (mine is not null && rows.Any(r => r.OwnerId != viewer.MemberId))
        {
            return Outcome<bool>.Fail(Text.Of("You have both shared how it went, so it is kept as it is."));
        }

        if (mine is null)
        {
            mine = new DateReflection { Id = Guid.NewGuid(), OwnerId = viewer.MemberId, CoupleId = coupleId, PromptKey = key };
            db.DateReflections.Add(mine);
        }

        mine.Rating = await sealer.SealAsync(rating, mine.PlaceOf(nameof(DateReflection.Rating)), cancellationToken);
        mine.Highlight = text.Length == 0 ? null : await sealer.SealAsync(text, mine.PlaceOf(nameof(DateReflection.Highlight)), cancellationToken);
        mine.WrittenAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Which of the last <paramref name="weeks"/> weeks (in the member's zone) had time together.</summary>
    public async Task<IReadOnlyList<(DateOnly Week, bool Together)>> WeeksTogetherAsync(int weeks, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var prefs = await preferences.ForAsync(viewer.MemberId, cancellationToken);
        return viewer.CoupleId is { } coupleId
            ? await Schedule.WeeksAsync(db, coupleId, prefs.Zone(), Now, weeks, cancellationToken)
            : [];
    }

    /// <summary>Reads a local day and time typed by the member, in their zone, as a future UTC time.</summary>
    public Outcome<DateTime> ParseTime(TimeInput input, MemberPreferences prefs)
    {
        if (!DateOnly.TryParseExact(input.Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Outcome<DateTime>.Fail(Text.Of("Please choose a day for each time you offer."));
        }

        if (!TimeOnly.TryParseExact(input.Time?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return Outcome<DateTime>.Fail(Text.Of("Please choose a time of day (for example 19:30) for each day you offer."));
        }

        var utc = EveningRules.ToUtc(day.ToDateTime(time), prefs.Zone());
        if (utc <= Now)
        {
            return Outcome<DateTime>.Fail(Text.Of("That time has already passed. Please choose one still to come."));
        }

        return utc > Now + Horizon
            ? Outcome<DateTime>.Fail(Text.Of("Please choose a time within the next year."))
            : Outcome<DateTime>.Ok(utc);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // Only a library idea or one this couple added is remembered as where a date came from.
    private async Task<string?> KnownIdeaAsync(string? key, Guid coupleId, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return null;
        }

        if (library.Ideas.Any(i => i.Id == key))
        {
            return key;
        }

        return key.StartsWith("custom:", StringComparison.Ordinal) && Guid.TryParseExact(key["custom:".Length..], "N", out var id)
            && await db.CustomIdeas.AnyAsync(i => i.Id == id && i.CoupleId == coupleId, cancellationToken) ? key : null;
    }

    // Read, change and save one of the couple's dates with the couple locked, so two answers at the
    // same moment (both accepting, one cancelling) take turns instead of overwriting each other.
    private async Task<Outcome<bool>> ChangeAsync(Guid planId, Func<DatePlan, Viewer, DateTime, string?> change, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return Outcome<bool>.Fail(Text.Of("That date is not in your space."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var plan = await db.DatePlans.Include(p => p.Options).FirstOrDefaultAsync(p => p.Id == planId && p.CoupleId == coupleId, cancellationToken);
        if (plan is null)
        {
            return Outcome<bool>.Fail(Text.Of("That date is not in your space."));
        }

        if (plan.Status == DateStatus.Cancelled)
        {
            return Outcome<bool>.Fail(Text.Of("That date was cancelled."));
        }

        if (plan.Status == DateStatus.Agreed && plan.StartsAt <= Now)
        {
            return Outcome<bool>.Fail(Text.Of("That date has already begun, so it can't be changed."));
        }

        if (change(plan, viewer, Now) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        plan.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Fail(Text.Of("Your partner changed this date at the same moment. Please look again."));
        }

        if (await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await outbox.QueueAsync(partnerId, NoticeKind.DateNews, $"date-proposed:{plan.Id:N}:{partnerId:N}:{plan.Revision}", cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }

    private async Task<List<DateReflection>> ReflectionsAsync(Viewer viewer, List<Guid> planIds, CancellationToken cancellationToken)
    {
        var keys = planIds.Select(DateReflection.KeyFor).ToList();
        return await db.DateReflections.AsNoTracking().Where(r => r.CoupleId == viewer.CoupleId && keys.Contains(r.PromptKey)).ToListAsync(cancellationToken);
    }

    private async Task<DateView> ViewAsync(DatePlan plan, Viewer viewer, List<DateReflection> reflections, CancellationToken cancellationToken)
    {
        var title = await sealer.OpenAsync(plan.Title, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken) ?? "";
        var options = plan.Options.Where(o => !o.Closed).OrderBy(o => o.StartsAt).Select(o => new OptionView(o.Id, o.StartsAt, o.ProposedBy == viewer.MemberId)).ToList();
        ReflectionView? reflection = null;
        if (plan.Status == DateStatus.Agreed && plan.StartsAt <= Now)
        {
            var key = DateReflection.KeyFor(plan.Id);
            var mine = reflections.FirstOrDefault(r => r.PromptKey == key && r.OwnerId == viewer.MemberId);
            var theirs = reflections.FirstOrDefault(r => r.PromptKey == key && r.OwnerId != viewer.MemberId);
            var maySee = theirs is not null && Disclosure.MaySee(viewer, theirs.OwnerId, theirs.CoupleId, theirs.Visibility, mine is not null);
            reflection = new ReflectionView(
                mine is null ? null : await sealer.OpenAsync(mine.Rating, mine.PlaceOf(nameof(DateReflection.Rating)), cancellationToken),
                mine?.Highlight is null ? null : await sealer.OpenAsync(mine.Highlight, mine.PlaceOf(nameof(DateReflection.Highlight)), cancellationToken),
                maySee,
                maySee ? await sealer.OpenAsync(theirs!.Rating, theirs.PlaceOf(nameof(DateReflection.Rating)), cancellationToken) : null,
                maySee && theirs!.Highlight is not null ? await sealer.OpenAsync(theirs.Highlight, theirs.PlaceOf(nameof(DateReflection.Highlight)), cancellationToken) : null);
        }

        return new DateView(plan.Id, title, plan.IdeaKey, plan.Minutes, plan.Status, plan.ProposedBy == viewer.MemberId, plan.StartsAt, options, reflection);
    }
}
