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
                // Every operation says who may call it (outside linters refuse one that is silent): the bearer scheme, or, on the
                // token endpoints only, one requirement naming no scheme, which is how OpenAPI writes "anyone".
                Assert.True(operation.Security is { Count: > 0 }, name + " does not say who may call it");
                Assert.Equal(path.StartsWith("/api/v1/auth/", StringComparison.Ordinal), operation.Security.All(r => r.Count == 0));
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

        // What outside tools refuse (Redocly's recommended rules, run by OpenApiToolsTests where node is): a server address ending
        // in "/", and two paths with as many parameters that could name the same address (e.g. /repair/{id}/calm and
        // /repair/letting-go/{id}).
        Assert.All(document.Servers ?? [], server => Assert.False(server.Url?.EndsWith('/') ?? true, server.Url));
        var paths = document.Paths.Keys.Order(StringComparer.Ordinal).ToList();
        var ambiguous = paths.SelectMany((a, i) => paths.Skip(i + 1).Where(b => Ambiguous(a, b)).Select(b => a + " and " + b)).ToList();
        Assert.True(ambiguous.Count == 0, "Ambiguous paths: " + string.Join("; ", ambiguous));

        // Bad input is described as per-field validation problems, and not-found as problem details.
        var answer = document.Paths["/api/v1/talk/today/answer"].Operations!.Values.Single();
        Assert.True(answer.Responses!.ContainsKey("400"));
        Assert.True(answer.Responses.ContainsKey("404"));
        Assert.Contains("HttpValidationProblemDetails", response.Body, StringComparison.Ordinal);
    }

    /// <summary>Redocly's no-ambiguous-paths: as many segments and parameters, and every pair of segments equal or one a
    /// parameter.</summary>
    private static bool Ambiguous(string a, string b)
    {
        string[] first = a.Split('/'),
            second = b.Split('/');
        return first.Length == second.Length
            && first.Count(IsParameter) == second.Count(IsParameter)
            && first.Zip(second).All(pair => IsParameter(pair.First) || IsParameter(pair.Second) || pair.First == pair.Second);
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    [GeneratedRegex(@":[^}]+}")]
    private static partial Regex Constraint();
}

public sealed class OpenApiTestsOnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiTestsOnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
