using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The member's own calendar subscription: a secret address only they see (decisions/0013); null Url when it is off.</summary>
public sealed record CalendarFeedDto(bool On, string? Url, bool ShowNames, DateTime? CreatedAt);

/// <summary>The calendar page's three actions: a new secret address (replacing any old one), whether names show, off.</summary>
public static class CalendarFeedApi
{
    public static void MapCalendarFeedApi(this RouteGroupBuilder api)
    {
        var feed = api.MapGroup("/calendar-feed").WithTags("TimeTogether");

        api.MapGet("/calendar-feed", GetAsync)
            .WithTags("TimeTogether")
            .WithName("GetCalendarFeed")
            .WithSummary("Your calendar subscription address, if you turned it on");

        api.MapPost("/calendar-feed", CreateAsync)
            .WithTags("TimeTogether")
            .WithName("CreateCalendarFeed")
            .WithSummary("A new secret calendar address; any old one stops working at once");

        feed.MapPost("/names", SetNamesAsync).WithName("SetCalendarFeedNames").WithSummary("Whether your calendar shows each date's name");

        feed.MapPost("/off", TurnOffAsync)
            .WithName("TurnOffCalendarFeed")
            .WithSummary("Turn the calendar address off; it stops working at once");

        // The same files the date and evening pages offer to download (text/calendar, described as a string).
        api.MapGet("/dates/{id:guid}/calendar.ics", DateFileAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("TimeTogether")
            .WithName("GetDateCalendarFile")
            .WithSummary("An agreed date as a calendar file");

        api.MapGet("/evening/calendar.ics", EveningFileAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("TimeTogether")
            .WithName("GetEveningCalendarFile")
            .WithSummary("Your agreed weekly evening as a calendar file");
    }

    private static async Task<Ok<CalendarFeedDto>> GetAsync(GetCalendarFeed get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DtoAsync(get, cancellationToken));

    private static async Task<Ok<CalendarFeedDto>> CreateAsync(
        CalendarFeedRequest request,
        CreateCalendarFeed handler,
        GetCalendarFeed get,
        CancellationToken cancellationToken
    )
    {
        await handler.HandleAsync(request, cancellationToken);
        return TypedResults.Ok(await DtoAsync(get, cancellationToken));
    }

    private static async Task<Ok<CalendarFeedDto>> SetNamesAsync(
        CalendarFeedRequest request,
        SetCalendarFeedNames handler,
        GetCalendarFeed get,
        CancellationToken cancellationToken
    )
    {
        await handler.HandleAsync(request, cancellationToken);
        return TypedResults.Ok(await DtoAsync(get, cancellationToken));
    }

    private static async Task<Ok<CalendarFeedDto>> TurnOffAsync(
        TurnOffCalendarFeed handler,
        GetCalendarFeed get,
        CancellationToken cancellationToken
    )
    {
        await handler.HandleAsync(cancellationToken);
        return TypedResults.Ok(await DtoAsync(get, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DateFileAsync(
        Guid id,
        GetDateCalendarFile handler,
        CancellationToken cancellationToken
    ) =>
        await handler.HandleAsync(id, cancellationToken) is { } file
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "date.ics")
            : ApiResults.Problem(
                Problem.NotFound(Text.Of("That date is not in your calendar: it may not be agreed yet, or not be your couple's."))
            );

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EveningFileAsync(
        GetEveningCalendarFile handler,
        CancellationToken cancellationToken
    ) =>
        await handler.HandleAsync(cancellationToken) is { } file
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, "our-evening.ics")
            : ApiResults.Problem(Problem.NotFound(Text.Of("There is no agreed evening yet.")));

    private static async Task<CalendarFeedDto> DtoAsync(GetCalendarFeed get, CancellationToken cancellationToken) =>
        await get.HandleAsync(cancellationToken) is { } f ? new(true, f.Url, f.ShowNames, f.CreatedAt) : new(false, null, false, null);
}
