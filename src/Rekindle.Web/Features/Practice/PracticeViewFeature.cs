using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Documents;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// What a professional sees (decisions/0044): the dashboard, a connection's view, session prep and its print, the member's "what
/// your counselor sees", and the audit of every view. Pages under /pro and /counselor/sees, the print endpoint here, the API in
/// <see cref="PracticeViewApi"/>.
/// </summary>
public static class PracticeViewFeature
{
    public static IServiceCollection AddPracticeView(this IServiceCollection services)
    {
        services.AddScoped<ReadConnectionView>();
        services.AddScoped<ProfessionalDashboard>();
        services.AddScoped<SessionPrep>();
        services.AddScoped<SetLastSession>();
        services.AddScoped<RecordProfessionalView>();
        services.AddScoped<CounselorNames>();
        services.AddScoped<OpenConnection>();
        return services;
    }

    /// <summary>Session prep as a file to print: ?format=html for a web page, else a PDF. Logged like every view.</summary>
    public static void MapPracticeView(this IEndpointRouteBuilder routes) =>
        routes
            .MapGet(
                "/pro/connections/{id:guid}/prep/print",
                async Task<Results<FileContentHttpResult, NotFound>> (
                    Guid id,
                    string? format,
                    OpenConnection open,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    if (format is not (null or "" or "pdf" or "html") || await open.PrepAsync(id, cancellationToken) is not { } prep)
                    {
                        return TypedResults.NotFound();
                    }

                    return PrepFile(SessionPrep.Document(prep, clock.GetUtcNow().UtcDateTime), format == "html", clock);
                }
            )
            .RequireAuthorization();

    public static FileContentHttpResult PrepFile(PrintDocument document, bool html, TimeProvider clock)
    {
        var name = "session-prep-" + clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return html
            ? TypedResults.File(HtmlWriter.Write(document), "text/html; charset=utf-8", name + ".html")
            : TypedResults.File(PdfWriter.Write(document), "application/pdf", name + ".pdf");
    }
}

/// <summary>
/// The one way in for every professional read of a connection (pages, print and API): through <see cref="ProfessionalAccess"/>
/// (null: 404), read, then logged in each agreed member's security log and the professional's own.
/// </summary>
public sealed class OpenConnection(ProfessionalAccess access, ReadConnectionView read, SessionPrep prep, RecordProfessionalView audit)
{
    public async Task<ConnectionView?> ViewAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        if (
            await access.ProfessionalAsync(cancellationToken) is not { } professional
            || await access.ActiveAsync(connectionId, cancellationToken) is not { } connection
        )
        {
            return null;
        }

        var view = await read.HandleAsync(connection, await access.AgreedAsync(connection.Id, cancellationToken), cancellationToken);
        await audit.HandleAsync(professional.Id, view);
        return view;
    }

    public async Task<PrepView?> PrepAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        if (
            await access.ProfessionalAsync(cancellationToken) is not { } professional
            || await access.ActiveAsync(connectionId, cancellationToken) is not { } connection
        )
        {
            return null;
        }

        var view = await prep.HandleAsync(connection, await access.AgreedAsync(connection.Id, cancellationToken), cancellationToken);
        await audit.HandleAsync(professional.Id, view);
        return view;
    }
}
