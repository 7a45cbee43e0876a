using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.TimeTogether;

public static class TimeTogetherFeature
{
    public static WebApplicationBuilder AddTimeTogether(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
            DateIdeaLibrary.Load(
                Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "time-together", "date-ideas.en.json")
            )
        );
        builder.Services.AddScoped<IdeaStore>();
        builder.Services.AddScoped<ListDateIdeas>();
        builder.Services.AddScoped<ListIdeasBothEnjoy>();
        builder.Services.AddScoped<RateDateIdea>();
        builder.Services.AddScoped<AddDateIdea>();
        builder.Services.AddScoped<DateStore>();
        builder.Services.AddScoped<ProposeDate>();
        builder.Services.AddScoped<AcceptDateTime>();
        builder.Services.AddScoped<SuggestDateTime>();
        builder.Services.AddScoped<CancelDate>();
        builder.Services.AddScoped<ReflectOnDate>();
        builder.Services.AddScoped<ListDates>();
        builder.Services.AddScoped<GetDate>();
        builder.Services.AddScoped<GetWeeksTogether>();
        builder.Services.AddScoped<EveningStore>();
        builder.Services.AddScoped<GetOurEvening>();
        builder.Services.AddScoped<SetOurEvening>();
        builder.Services.AddScoped<AgreeToOurEvening>();
        builder.Services.AddScoped<SkipOurEvening>();
        builder.Services.AddScoped<StopOurEvening>();
        builder.Services.AddScoped<CalendarStore>();
        builder.Services.AddScoped<GetCalendarFeed>();
        builder.Services.AddScoped<CreateCalendarFeed>();
        builder.Services.AddScoped<SetCalendarFeedNames>();
        builder.Services.AddScoped<TurnOffCalendarFeed>();
        builder.Services.AddScoped<ReadCalendarFeed>();
        builder.Services.AddScoped<GetDateCalendarFile>();
        builder.Services.AddScoped<GetEveningCalendarFile>();
        builder.Services.AddScoped<Infrastructure.Jobs.INoticeSource, DateReminders>();
        builder.Services.AddScoped<IExportSection, TimeTogetherExport>();
        builder.Services.AddScoped<Home.IWaitingSource, TimeTogetherWaiting>();
        return builder;
    }

    /// <summary>The calendar files: the secret feed (no sign-in: the secret is the key), one date, the evening.</summary>
    public static void MapTimeTogether(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/calendar/{token}.ics", async (string token, ReadCalendarFeed feed, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return await feed.HandleAsync(token) is { } file
                ? Results.Text(file, CalendarFile.ContentType)
                : Results.Problem(
                    "There is no calendar at this address. It may have been replaced or turned off.",
                    statusCode: StatusCodes.Status404NotFound
                );
        });
        routes
            .MapGet("/time-together/dates/{id:guid}/calendar.ics", async (Guid id, GetDateCalendarFile dateFile) =>
                await dateFile.HandleAsync(id) is { } file
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "date.ics")
                    : Results.Problem(
                        "That date is not in your calendar: it may not be agreed yet.",
                        statusCode: StatusCodes.Status404NotFound
                    )
            )
            .RequireAuthorization();
        routes
            .MapGet("/time-together/evening/calendar.ics", async (GetEveningCalendarFile eveningFile) =>
                await eveningFile.HandleAsync() is { } file
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "our-evening.ics")
                    : Results.Problem("There is no agreed evening yet.", statusCode: StatusCodes.Status404NotFound)
            )
            .RequireAuthorization();
    }

    public static void LoadTimeTogetherContent(this WebApplication app) => app.Services.GetRequiredService<DateIdeaLibrary>();
}

/// <summary>
/// The member's own ratings, the ideas the couple added and the ideas both enjoy; the couple's dates
/// with what the rule lets the member see of how each went; the evening; whether a calendar address is on.
/// </summary>
public sealed class TimeTogetherExport(
    IdeaStore ideas,
    ListIdeasBothEnjoy bothEnjoy,
    ListDates dates,
    GetOurEvening evenings,
    GetCalendarFeed calendars
) : IExportSection
{
    public string Name => "timeTogether";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var cards = (await ideas.CardsAsync(cancellationToken)).ToDictionary(c => c.Key);
        var mine = new List<object>();
        foreach (var (key, rating) in await ideas.ExportAsync(memberId, cancellationToken))
        {
            mine.Add(
                new
                {
                    Idea = cards.TryGetValue(key, out var card) ? card.Title : key,
                    Rating = rating.Value,
                    RatedAt = rating.At,
                }
            );
        }

        var both = await bothEnjoy.HandleAsync(new IdeaFilter(), cancellationToken);
        var plans = (await dates.HandleAsync(cancellationToken))
            .Select(d => new
            {
                d.Title,
                Status = d.Status.ToString(),
                d.StartsAt,
                d.Minutes,
                TimesOnOffer = d.Options.Select(o => new { o.StartsAt, OfferedBy = o.Mine ? "you" : "your partner" }),
                HowItWent = d.Reflection is null
                    ? null
                    : new
                    {
                        You = d.Reflection.MyRating,
                        YourHighlight = d.Reflection.MyHighlight,
                        YourPartner = d.Reflection.TheirRating,
                        TheirHighlight = d.Reflection.TheirHighlight,
                    },
            })
            .ToList();
        var evening = await evenings.HandleAsync(cancellationToken);
        var feed = await calendars.HandleAsync(cancellationToken);
        return mine.Count == 0 && cards.Values.All(c => !c.Custom) && plans.Count == 0 && evening is null && feed is null
            ? null
            : new
            {
                YourRatings = mine,
                IdeasYouAdded = cards.Values.Where(c => c.Custom).Select(c => c.Title),
                YouBothWouldEnjoy = both?.Select(c => c.Title),
                Dates = plans,
                OurEvening = evening is null
                    ? null
                    : new
                    {
                        Day = evening.Day.ToString(),
                        Time = evening.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                        evening.Minutes,
                        evening.TimeZone,
                        evening.Agreed,
                        SkippedWeeks = evening.Next.Where(w => w.Skipped).Select(w => w.Day),
                    },
                CalendarAddress = feed is null
                    ? null
                    : new
                    {
                        On = true,
                        feed.CreatedAt,
                        feed.ShowNames,
                    },
            };
    }
}
