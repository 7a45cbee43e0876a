using System.Globalization;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Skip one coming week's evening (yyyy-MM-dd), or with Skip false bring it back.</summary>
public sealed record SkipEveningRequest(string? Day, bool Skip)
{
    /// <summary>The page's button: "yyyy-MM-dd|skip" or "yyyy-MM-dd|back".</summary>
    public static SkipEveningRequest FromChoice(string? choice)
    {
        var parts = (choice ?? "").Split('|', 2);
        return new SkipEveningRequest(parts[0], parts.ElementAtOrDefault(1) != "back");
    }
}

/// <summary>Skips (or brings back) one week's evening still to come.</summary>
public sealed class SkipOurEvening(AppDbContext db, EveningStore store)
{
    public async Task<Outcome<bool>> HandleAsync(SkipEveningRequest request, CancellationToken cancellationToken = default)
    {
        if (!DateOnly.TryParseExact(request.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Problem.Invalid("day", Text.Of("That evening isn't on your list."));
        }

        return await store.ChangeAsync(
            create: false,
            (evening, viewer) =>
            {
                if (!store.Upcoming(evening).Any(o => o.Day == date))
                {
                    return Problem.Invalid(
                        "day",
                        Text.Of("That evening isn't on your list: only the coming weeks' evenings can be skipped.")
                    );
                }

                var existing = evening.Skips.FirstOrDefault(s => s.Day == date);
                if (request.Skip && existing is null)
                {
                    // Added explicitly: EF would take a new child with its key already set for an existing row.
                    var skipped = new EveningSkip
                    {
                        Id = Guid.NewGuid(),
                        EveningId = evening.Id,
                        CoupleId = evening.CoupleId,
                        Day = date,
                        SkippedBy = viewer,
                        SkippedAt = store.Now,
                    };
                    evening.Skips.Add(skipped);
                    db.Add(skipped);
                }
                else if (!request.Skip && existing is not null)
                {
                    evening.Skips.Remove(existing);
                }

                return null;
            },
            cancellationToken
        );
    }
}
