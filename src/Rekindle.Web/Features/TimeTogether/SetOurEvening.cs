using System.Globalization;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Propose the evening (or change it: the partner agrees again): a weekday (Monday…Sunday), a time (HH:mm), minutes.</summary>
public sealed record SetEveningRequest(string? Day, string? Time, int? Minutes);

/// <summary>Proposes the weekly evening, or changes it; the partner agrees before it counts.</summary>
public sealed class SetOurEvening(CurrentMember current, Preferences preferences, EveningStore store)
{
    public async Task<Outcome<bool>> HandleAsync(SetEveningRequest request, CancellationToken cancellationToken = default)
    {
        if (
            !Enum.TryParse<DayOfWeek>(request.Day, ignoreCase: false, out var weekday)
            || !Enum.IsDefined(weekday)
            || int.TryParse(request.Day, out _)
        )
        {
            return Problem.Invalid("day", Text.Of("Please choose a day of the week."));
        }

        if (
            !TimeOnly.TryParseExact(
                request.Time?.Trim(),
                ["HH:mm", "HH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var at
            )
        )
        {
            return Problem.Invalid("time", Text.Of("Please choose a time of day, for example 19:30."));
        }

        if (request.Minutes is not { } minutes || !EveningRules.Durations.Contains(minutes))
        {
            return Problem.Invalid("minutes", Text.Of("Please choose how long your evening lasts."));
        }

        var prefs = await preferences.ForAsync(current.RequiredMemberId, cancellationToken);
        return await store.ChangeAsync(
            create: true,
            (evening, viewer) =>
            {
                if (
                    evening.Day == weekday
                    && evening.Time == at
                    && evening.Minutes == minutes
                    && evening.TimeZone == prefs.TimeZone
                    && evening.AgreedAt is not null
                )
                {
                    return null;
                }

                evening.Day = weekday;
                evening.Time = at;
                evening.Minutes = minutes;
                evening.TimeZone = prefs.TimeZone;
                evening.SetBy = viewer;
                evening.StartsOn = DateOnly.FromDateTime(prefs.Local(store.Now));
                evening.AgreedAt = null;
                evening.Skips.Clear();
                return null;
            },
            cancellationToken
        );
    }
}
