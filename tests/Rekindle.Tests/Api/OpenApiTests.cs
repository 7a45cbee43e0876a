using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Rekindle.Testing;

namespace Rekindle.Tests.Api;

/// <summary>The app's OpenAPI document: valid by a real validator (Microsoft.OpenApi's reader and rule set) and complete.</summary>
public abstract partial class OpenApiTests(RekindleFactory app)
{
    [Fact]
    public async Task The_document_is_valid_and_describes_every_api_route_with_its_auth_and_schemas()
    {
        using var api = ApiClient.For(app);
        var response = await api.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.Status);

        var read = OpenApiDocument.Parse(response.Body, "json");
        Assert.True(
            read.Diagnostic is null || read.Diagnostic.Errors.Count == 0,
            "Reading: " + string.Join("; ", read.Diagnostic?.Errors.Select(e => e.ToString()) ?? [])
        );
        var document = read.Document!;
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, "Validation: " + string.Join("; ", errors.Select(e => e.ToString())));

        // Every /api/v1 route the app serves is in the document.
        var served = app
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + Constraint().Replace(e.RoutePattern.RawText ?? "", "}").TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(served.Count >= 10, $"only {served.Count} API routes");
        var missing = served.Where(r => !document.Paths.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", missing));
        Assert.DoesNotContain(document.Paths.Keys, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));

        Assert.True(document.Components?.SecuritySchemes?.ContainsKey("ApiBearer"));
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var name = $"{method} {path}";
                Assert.False(string.IsNullOrEmpty(operation.OperationId), name + " has no operation id");
                Assert.Equal(!path.StartsWith("/api/v1/auth/", StringComparison.Ordinal), operation.Security is { Count: > 0 });
                var success = operation.Responses!.Where(r => r.Key.StartsWith('2')).ToList();
                Assert.True(success.Count > 0, name + " has no success response");
                Assert.True(
                    success.All(r => r.Key == "204" || r.Value.Content?.Values.Any(c => c.Schema is not null) == true),
                    name + " has a success response without a schema"
                );
                if (operation.RequestBody is { } body)
                {
                    Assert.True(body.Content?.Values.Any(c => c.Schema is not null) == true, name + " has a request body without a schema");
                }
            }
        }

        // Bad input is described as per-field validation problems, and not-found as problem details.
        var answer = document.Paths["/api/v1/talk/today/answer"].Operations!.Values.Single();
        Assert.True(answer.Responses!.ContainsKey("400"));
        Assert.True(answer.Responses.ContainsKey("404"));
        Assert.Contains("HttpValidationProblemDetails", response.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex(@":[^}]+}")]
    private static partial Regex Constraint();
}

public sealed class OpenApiTestsOnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiTestsOnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
