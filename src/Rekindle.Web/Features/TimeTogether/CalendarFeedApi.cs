using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The member's own calendar subscription: a secret address only they see (decisions/0013); null Url when it is off.</summary>
public sealed record CalendarFeedDto(bool On, string? Url, bool ShowNames, DateTime? CreatedAt);

public sealed record CalendarFeedRequest(bool ShowNames);

/// <summary>The calendar page's three actions: a new secret address (replacing any old one), whether names show, off.</summary>
public static class CalendarFeedApi
{
    public static void MapCalendarFeedApi(this RouteGroupBuilder api)
    {
        var feed = api.MapGroup("/calendar-feed").WithTags("TimeTogether");

        api.MapGet("/calendar-feed", async Task<Ok<CalendarFeedDto>> (Calendars calendars, CancellationToken cancellationToken) =>
                TypedResults.Ok(await DtoAsync(calendars, cancellationToken)))
            .WithTags("TimeTogether").WithName("GetCalendarFeed").WithSummary("Your calendar subscription address, if you turned it on");

        api.MapPost("/calendar-feed", async Task<Ok<CalendarFeedDto>> (CalendarFeedRequest request, Calendars calendars, CancellationToken cancellationToken) =>
            {
                await calendars.CreateAsync(request.ShowNames, cancellationToken);
                return TypedResults.Ok(await DtoAsync(calendars, cancellationToken));
            })
            .WithTags("TimeTogether").WithName("CreateCalendarFeed").WithSummary("A new secret calendar address; any old one stops working at once");

        feed.MapPost("/names", async Task<Ok<CalendarFeedDto>> (CalendarFeedRequest request, Calendars calendars, CancellationToken cancellationToken) =>
            {
                await calendars.SetShowNamesAsync(request.ShowNames, cancellationToken);
                return TypedResults.Ok(await DtoAsync(calendars, cancellationToken));
            })
            .WithName("SetCalendarFeedNames").WithSummary("Whether your calendar shows each date's name");

        feed.MapPost("/off", async Task<Ok<CalendarFeedDto>> (Calendars calendars, CancellationToken cancellationToken) =>
            {
                await calendars.RevokeAsync(cancellationToken);
                return TypedResults.Ok(await DtoAsync(calendars, cancellationToken));
            })
            .WithName("TurnOffCalendarFeed").WithSummary("Turn the calendar address off; it stops working at once");

        // The same files the date and evening pages offer to download (text/calendar, described as a string).
        api.MapGet("/dates/{id:guid}/calendar.ics", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Calendars calendars, CancellationToken cancellationToken) =>
                await calendars.DateFileAsync(id, cancellationToken) is { } file
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "date.ics")
                    : TalkApi.NotFound("That date is not in your calendar: it may not be agreed yet, or not be your couple's."))
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("TimeTogether").WithName("GetDateCalendarFile").WithSummary("An agreed date as a calendar file");

        api.MapGet("/evening/calendar.ics", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Calendars calendars, CancellationToken cancellationToken) =>
                await calendars.EveningFileAsync(cancellationToken) is { } file
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "our-evening.ics")
                    : TalkApi.NotFound("There is no agreed evening yet."))
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("TimeTogether").WithName("GetEveningCalendarFile").WithSummary("Your agreed weekly evening as a calendar file");
    }

    private static async Task<CalendarFeedDto> DtoAsync(Calendars calendars, CancellationToken cancellationToken) =>
        await calendars.MineAsync(cancellationToken) is { } f ? new(true, f.Url, f.ShowNames, f.CreatedAt) : new(false, null, false, null);
}
