using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Documents;

namespace Rekindle.Web.Features.Support;

public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>
    /// The operator's own directory file (same shape as Content/support/directory.en.json), for the
    /// professionals and services of their region. Empty: the built-in national list.
    /// </summary>
    public string? DirectoryFile { get; set; }
}

public static class SupportFeature
{
    public static WebApplicationBuilder AddSupport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section);
        builder.Services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<SupportOptions>>().Value.DirectoryFile;
            var path = string.IsNullOrWhiteSpace(file)
                ? Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "support", "directory.en.json")
                : Path.GetFullPath(file);
            return SupportDirectory.Load(path);
        });
        builder.Services.AddScoped<GetMySupport>();
        builder.Services.AddScoped<ProfessionalSummary>();
        return builder;
    }

    /// <summary>
    /// The summary for a professional, as a file to keep (PDF or a self-contained HTML page). The
    /// form on /support/summary posts here; a problem goes back to that page as a code.
    /// </summary>
    public static void MapSupport(this IEndpointRouteBuilder routes) =>
        routes
            .MapPost("/support/summary/make", async (HttpContext context, ProfessionalSummary summary, TimeProvider clock) =>
            {
                if (Sessions.MemberIdOf(context.User) is null)
                {
                    return Results.NotFound();
                }

                var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
                var keys = form?["include"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).Distinct().ToList() ?? [];
                // The same formats as the API: a word it refuses is refused here too, not made into a PDF.
                if (ProfessionalSummary.FormatOf(form?["format"].ToString()) is not { } format)
                {
                    return Results.Redirect("/support/summary?problem=format#make");
                }

                var (document, problem) = await summary.MakeAsync(keys, format, context.RequestAborted);
                if (document is null)
                {
                    var query =
                        $"?problem={problem!.Code}"
                        + (problem.Part is { } part ? $"&part={Uri.EscapeDataString(part)}" : "")
                        + $"&format={(format == SummaryFormat.Html ? "html" : "pdf")}";
                    return Results.Redirect("/support/summary" + query + "#make");
                }

                return SummaryFile(document, format, clock);
            })
            .RequireAuthorization();

    /// <summary>The summary as the file to keep, named by the day it was made: the form's endpoint and the API both answer with
    /// it.</summary>
    public static FileContentHttpResult SummaryFile(PrintDocument document, SummaryFormat format, TimeProvider clock)
    {
        var name = "rekindle-summary-" + clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == SummaryFormat.Html
            ? TypedResults.File(HtmlWriter.Write(document), "text/html; charset=utf-8", name + ".html")
            : TypedResults.File(PdfWriter.Write(document), "application/pdf", name + ".pdf");
    }

    /// <summary>Loads the directory now, so a broken file stops the start rather than a member's visit.</summary>
    public static void LoadSupportContent(this WebApplication app) => app.Services.GetRequiredService<SupportDirectory>();
}
