using System.Net;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rekindle.Web.Infrastructure.Api;

/// <summary>
/// /openapi in Development only: the API document as a plain page of our own, made on the server
/// from the same document as /openapi/v1.json. No UI package and nothing from other sites.
/// </summary>
public static class ApiDocsPage
{
    public static void MapApiDocsPage(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            return;
        }

        routes
            .MapGet(
                "/openapi",
                async ([FromKeyedServices(ApiFeature.Version)] IOpenApiDocumentProvider provider, CancellationToken cancellationToken) =>
                    Results.Content(Render(await provider.GetOpenApiDocumentAsync(cancellationToken)), "text/html; charset=utf-8")
            )
            .ExcludeFromDescription();
    }

    private static string Render(OpenApiDocument document)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(document.Info?.Title))
            .Append("</title></head><body><h1>")
            .Append(E(document.Info?.Title))
            .Append(' ')
            .Append(E(document.Info?.Version))
            .Append("</h1><p>")
            .Append(E(document.Info?.Description))
            .Append("</p><p><a href=\"")
            .Append(ApiFeature.DocumentPath)
            .Append("\">")
            .Append(ApiFeature.DocumentPath)
            .Append("</a> (the document itself)</p>");
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                html.Append("<section><h2><code>")
                    .Append(E(method.Method))
                    .Append(' ')
                    .Append(E(path))
                    .Append("</code></h2><p>")
                    .Append(E(operation.Summary))
                    .Append("</p><p>")
                    .Append(operation.Security is { Count: > 0 } ? "Needs a bearer access token." : "No token needed.")
                    .Append("</p>");
                if (operation.RequestBody?.Content is { } body)
                {
                    html.Append("<p>Body: ")
                        .Append(E(string.Join(", ", body.Select(c => $"{c.Key} {SchemaName(c.Value.Schema)}"))))
                        .Append("</p>");
                }

                html.Append("<ul>");
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    html.Append("<li>").Append(E(status)).Append(": ").Append(E(response.Description));
                    if (response.Content is { Count: > 0 } content)
                    {
                        html.Append(" (")
                            .Append(E(string.Join(", ", content.Select(c => $"{c.Key} {SchemaName(c.Value.Schema)}"))))
                            .Append(')');
                    }

                    html.Append("</li>");
                }

                html.Append("</ul></section>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static string SchemaName(IOpenApiSchema? schema) =>
        schema switch
        {
            OpenApiSchemaReference reference => reference.Reference.Id ?? "object",
            { Items: { } items } => SchemaName(items) + "[]",
            null => "",
            _ => schema.Type?.ToString() ?? "object",
        };
}
