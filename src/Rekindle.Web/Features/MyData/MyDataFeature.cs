using System.Globalization;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.MyData;

public static class MyDataFeature
{
    public static WebApplicationBuilder AddMyData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportMyData>();
        builder.Services.AddScoped<DeleteAccount>();
        builder.Services.AddScoped<IExportSection, AccountExport>();
        builder.Services.AddScoped<IExportSection, Pairing.PairingExport>();
        return builder;
    }

    public static void MapMyData(this IEndpointRouteBuilder routes) =>
        routes
            .MapPost("/account/export/{format}", async (string format, HttpContext context, ExportMyData export, TimeProvider clock) =>
            {
                if (Sessions.MemberIdOf(context.User) is not { } memberId)
                {
                    return Results.NotFound();
                }

                if (format is not ("json" or "html"))
                {
                    return Results.Problem("Choose json or html.", statusCode: StatusCodes.Status404NotFound);
                }

                var document = await export.CollectAsync(memberId, context.RequestAborted);
                var name = "rekindle-" + clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." + format;
                return format == "json"
                    ? Results.File(ExportMyData.ToJson(document), "application/json", name)
                    : Results.File(export.ToHtml(document), "text/html; charset=utf-8", name);
            })
            .RequireAuthorization();
}
