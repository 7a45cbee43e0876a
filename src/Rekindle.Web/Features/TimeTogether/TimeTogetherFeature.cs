using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.TimeTogether;

public static class TimeTogetherFeature
{
    public static WebApplicationBuilder AddTimeTogether(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => DateIdeaLibrary.Load(Path.Combine(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "time-together", "date-ideas.en.json")));
        builder.Services.AddScoped<IdeaRatings>();
        builder.Services.AddScoped<Dates>();
        builder.Services.AddScoped<Evenings>();
        builder.Services.AddScoped<Calendars>();
        builder.Services.AddScoped<Infrastructure.Jobs.INoticeSource, DateReminders>();
        builder.Services.AddScoped<IExportSection, TimeTogetherExport>();
        return builder;
    }

    /// <summary>The calendar files: the secret feed (no sign-in: the secret is the key), one date, the evening.</summary>
    public static void MapTimeTogether(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/calendar/{token}.ics", async (string token, Calendars calendars, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return await calendars.FeedAsync(token) is { } file
                ? Results.Text(file, CalendarFile.ContentType)
                : Results.Problem("There is no calendar at this address. It may have been replaced or turned off.", statusCode: StatusCodes.Status404NotFound);
        });
        routes.MapGet("/time-together/dates/{id:guid}/calendar.ics", async (Guid id, Calendars calendars) =>
            await calendars.DateFileAsync(id) is { } file
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "date.ics")
                : Results.Problem("That date is not in your calendar: it may not be agreed yet.", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization();
        routes.MapGet("/time-together/evening/calendar.ics", async (Calendars calendars) =>
            await calendars.EveningFileAsync() is { } file
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "our-evening.ics")
                : Results.Problem("There is no agreed evening yet.", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization();
    }

    public static void LoadTimeTogetherContent(this WebApplication app) => app.Services.GetRequiredService<DateIdeaLibrary>();
}

/// <summary>
/// The member's own ratings, the ideas the couple added and the ideas both enjoy; the couple's dates
/// with what the rule lets the member see of how each went; the evening; whether a calendar address is on.
/// </summary>
public sealed class TimeTogetherExport(IdeaRatings ratings, Dates dates, Evenings evenings, Calendars calendars) : IExportSection
{
    public string Name => "timeTogether";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var cards = (await ratings.CardsAsync(cancellationToken)).ToDictionary(c => c.Key);
        var mine = new List<object>();
        foreach (var (key, rating) in await ratings.ExportAsync(memberId, cancellationToken))
        {
            mine.Add(new
            {
                Idea = cards.TryGetValue(key, out var card) ? card.Title : key,
                Rating = rating.Value,
                RatedAt = rating.At,
            });
        }

        var both = await ratings.BothEnjoyAsync(new IdeaFilter(), cancellationToken);
        var plans = (await dates.ListAsync(cancellationToken)).Select(d => new
        {
            d.Title,
            Status = d.Status.ToString(),
            d.StartsAt,
            d.Minutes,
            TimesOnOffer = d.Options.Select(o => new { o.StartsAt, OfferedBy = o.Mine ? "you" : "your partner" }),
            HowItWent = d.Reflection is null ? null : new { You = d.Reflection.MyRating, YourHighlight = d.Reflection.MyHighlight, YourPartner = d.Reflection.TheirRating, TheirHighlight = d.Reflection.TheirHighlight },
        }).ToList();
        var evening = await evenings.MineAsync(cancellationToken);
        var feed = await calendars.MineAsync(cancellationToken);
        return mine.Count == 0 && cards.Values.All(c => !c.Custom) && plans.Count == 0 && evening is null && feed is null
            ? null
            : new
            {
                YourRatings = mine,
                IdeasYouAdded = cards.Values.Where(c => c.Custom).Select(c => c.Title),
                YouBothWouldEnjoy = both?.Select(c => c.Title),
                Dates = plans,
                OurEvening = evening is null ? null : new { Day = evening.Day.ToString(), Time = evening.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), evening.Minutes, evening.TimeZone, evening.Agreed, SkippedWeeks = evening.Next.Where(w => w.Skipped).Select(w => w.Day) },
                CalendarAddress = feed is null ? null : new { On = true, feed.CreatedAt, feed.ShowNames },
            };
    }
}
