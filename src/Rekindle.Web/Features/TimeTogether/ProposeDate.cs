using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>A time offered: a local day (yyyy-MM-dd) and time (HH:mm) in the member's own zone.</summary>
public sealed record TimeInput(string? Day, string? Time);

/// <summary>A date to propose: a name, the idea it came from (if any), how long, and one to three times in the member's own zone.</summary>
public sealed record ProposeDateRequest(string? Title, string? IdeaKey, int? Minutes, IReadOnlyList<TimeInput>? Times);

/// <summary>Proposes a date with one or more times; the partner accepts one or suggests another.</summary>
public sealed class ProposeDate(
    AppDbContext db,
    CurrentMember current,
    Preferences preferences,
    DateIdeaLibrary library,
    Sealer sealer,
    NoticeOutbox outbox,
    DateStore store
)
{
    public async Task<Outcome<DateView>> HandleAsync(ProposeDateRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Problem.Conflict(Text.Of("Dates are planned together: once your partner has joined, you can propose one."));
        }

        var text = request.Title?.Trim() ?? "";
        if (Talk.TalkText.Problem(text, DatePlan.TitleMaxLength) is { } problem)
        {
            return Problem.Invalid(
                "title",
                text.Length == 0 ? Text.Of("Give your date a name, for example \"Walk by the river\".") : problem
            );
        }

        if (request.Minutes is not { } minutes || !EveningRules.Durations.Contains(minutes))
        {
            return Problem.Invalid("minutes", Text.Of("Please choose how long it will take."));
        }

        var prefs = await preferences.ForAsync(viewer.MemberId, cancellationToken);
        var starts = new List<DateTime>();
        foreach (var time in (request.Times ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Day) || !string.IsNullOrWhiteSpace(t.Time)))
        {
            var parsed = store.ParseTime(time.Day, time.Time, prefs, "times", "times");
            if (parsed.Problem is { } refused)
            {
                return refused;
            }

            if (!starts.Contains(parsed.Value))
            {
                starts.Add(parsed.Value);
            }
        }

        if (starts.Count == 0)
        {
            return Problem.Invalid("times", Text.Of("Offer at least one day and time."));
        }

        if (starts.Count > DatePlan.MaxOpenOptions)
        {
            return Problem.Invalid("times", Text.Of("Offer at most {0} times.", DatePlan.MaxOpenOptions));
        }

        var now = store.Now;
        var plan = new DatePlan
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            ProposedBy = viewer.MemberId,
            IdeaKey = await KnownIdeaAsync(request.IdeaKey, coupleId, cancellationToken),
            Minutes = minutes,
            TimeZone = prefs.TimeZone,
            CreatedAt = now,
            Options = starts
                .Order()
                .Select(s => new DateOption
                {
                    Id = Guid.NewGuid(),
                    CoupleId = coupleId,
                    ProposedBy = viewer.MemberId,
                    StartsAt = s,
                    CreatedAt = now,
                })
                .ToList(),
        };
        plan.Title = await sealer.SealAsync(text, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken);
        db.DatePlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.QueueAsync(partnerId, NoticeKind.DateNews, $"date-proposed:{plan.Id:N}:{partnerId:N}:0", cancellationToken);
        return await store.FindAsync(plan.Id, cancellationToken) is { } view ? Outcome<DateView>.Ok(view) : DateStore.NotYours();
    }

    // Only a library idea or one this couple added is remembered as where a date came from.
    private async Task<string?> KnownIdeaAsync(string? key, Guid coupleId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (library.ById.ContainsKey(key))
        {
            return key;
        }

        return
            key.StartsWith("custom:", StringComparison.Ordinal)
            && Guid.TryParseExact(key["custom:".Length..], "N", out var id)
            && await db.CustomIdeas.AnyAsync(i => i.Id == id && i.CoupleId == coupleId, cancellationToken)
            ? key
            : null;
    }
}
