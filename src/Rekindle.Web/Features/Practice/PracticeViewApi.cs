using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.SelfCare;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Practice;

/// <summary>A connection on the dashboard: names only of members who agreed (none while one has not).</summary>
public sealed record ProConnectionDto(
    Guid Id,
    string Kind,
    string State,
    IReadOnlyList<string> Names,
    DateOnly Since,
    DateOnly? LastSessionOn,
    int HomeworkDoneSince
);

/// <summary>One member's shared part: shares lists the parts they chose; a part not chosen is null.</summary>
public sealed record SharedPartDto(
    string Name,
    IReadOnlyList<string> Shares,
    SharedProgress? Progress,
    IReadOnlyList<SharedHomeworkDto>? Homework,
    IReadOnlyList<SharedCheck>? Checks,
    IReadOnlyList<SharedPulse>? Trend,
    IReadOnlyList<WeekSummary>? SelfCare
);

public sealed record SharedHomeworkDto(Guid Id, string Kind, string Title, DateOnly DueOn, DateOnly? DoneOn);

public sealed record ConnectionViewDto(Guid Id, string Kind, DateOnly? LastSessionOn, IReadOnlyList<SharedPartDto> Members, SharedMap? Map);

public sealed record PrepMemberDto(
    string Name,
    IReadOnlyList<string> Shares,
    IReadOnlyList<SharedHomeworkDto>? HomeworkDone,
    SharedProgress? Sessions,
    IReadOnlyList<SharedPulse>? Trend
);

public sealed record PrepItemDto(string Name, DateOnly SharedOn, string Text);

public sealed record PrepDto(Guid Id, DateOnly Since, IReadOnlyList<PrepMemberDto> Members, IReadOnlyList<PrepItemDto> Items);

/// <summary>day: the day of the last session, yyyy-MM-dd.</summary>
public sealed record LastSessionRequest(string? Day);

/// <summary>
/// The professional's reads (decisions/0044) with a professional's bearer token: the same handlers, the same 404 for anything not
/// theirs, not active or ended, and the same entry in each partner's security log as the pages.
/// </summary>
[ApiArea]
public static class PracticeViewApi
{
    public static void MapPracticeViewApi(this RouteGroupBuilder api)
    {
        var pro = api.MapGroup("/professional/connections").WithTags("Professional");
        api.MapGet("/professional/connections", ListAsync)
            .WithTags("Professional")
            .WithName("GetProfessionalConnections")
            .WithSummary("A professional's connections: active ones with the partners' names, and those waiting for the second partner");
        pro.MapGet("/{id:guid}", ViewAsync)
            .WithName("GetProfessionalConnection")
            .WithSummary("What each partner of a connection chose to share; logged in each partner's security log");
        pro.MapGet("/{id:guid}/prep", PrepAsync)
            .WithName("GetSessionPrep")
            .WithSummary("Session prep: what happened since the last session day, in the parts each partner shares; logged like a view");
        pro.MapPut("/{id:guid}/last-session", SetLastSessionAsync)
            .WithName("SetLastSession")
            .WithSummary("Set the day of the last session (yyyy-MM-dd); prep shows what happened since");
    }

    private static async Task<Results<Ok<List<ProConnectionDto>>, NotFound>> ListAsync(
        ProfessionalDashboard dashboard,
        CancellationToken cancellationToken
    ) =>
        await dashboard.HandleAsync(cancellationToken) is { } list
            ? TypedResults.Ok(
                list.Select(c => new ProConnectionDto(
                        c.Id,
                        KeyOf(c.Kind),
                        c.State == ConnectionState.Active ? "active" : "awaiting-partner",
                        c.Names,
                        c.Since,
                        c.LastSessionOn,
                        c.HomeworkDoneSince
                    ))
                    .ToList()
            )
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ConnectionViewDto>, NotFound>> ViewAsync(
        Guid id,
        OpenConnection open,
        CancellationToken cancellationToken
    )
    {
        if (await open.ViewAsync(id, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(
            new ConnectionViewDto(
                view.Connection.Id,
                KeyOf(view.Connection.Kind),
                view.Connection.LastSessionOn,
                view.Members.Select(m => new SharedPartDto(
                        m.Name,
                        Keys(view.ShownOf(m)),
                        m.Progress,
                        m.Homework?.Select(Dto).ToList(),
                        m.Checks,
                        m.Trend,
                        m.SelfCare
                    ))
                    .ToList(),
                view.Map
            )
        );
    }

    private static async Task<Results<Ok<PrepDto>, NotFound>> PrepAsync(Guid id, OpenConnection open, CancellationToken cancellationToken)
    {
        if (await open.PrepAsync(id, cancellationToken) is not { } prep)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(
            new PrepDto(
                prep.Connection.Id,
                prep.Since,
                prep.Members.Select(m => new PrepMemberDto(
                        m.Name,
                        Keys(m.Shown),
                        m.HomeworkDone?.Select(Dto).ToList(),
                        m.Sessions,
                        m.Trend
                    ))
                    .ToList(),
                prep.Items.Select(i => new PrepItemDto(i.Name, i.SharedOn, i.Text)).ToList()
            )
        );
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetLastSessionAsync(
        Guid id,
        LastSessionRequest request,
        SetLastSession set,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await set.HandleAsync(id, request.Day, cancellationToken));

    private static SharedHomeworkDto Dto(SharedHomework h) => new(h.Id, h.Kind.ToString(), h.Title, h.DueOn, h.DoneOn);

    private static string KeyOf(ConnectionKind kind) => kind == ConnectionKind.Couple ? "couple" : "individual";

    /// <summary>The parts as words: progress, homework, map, checks, trend, summary.</summary>
    public static IReadOnlyList<string> Keys(ConnectionScopes scopes) =>
        Enum.GetValues<ConnectionScopes>()
            .Where(s => s is not ConnectionScopes.None and not ConnectionScopes.All && scopes.HasFlag(s))
            .Select(s => s.ToString().ToLowerInvariant())
            .ToList();
}
