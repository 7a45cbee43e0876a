using System.Net;
using Rekindle.Testing;

namespace Rekindle.Tests.Api;

/// <summary>Problem details as decisions/0032 defines them: the status, the kind, and for an invalid request the field under
/// "errors".</summary>
public static class ApiProblems
{
    public static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null)
    {
        Assert.True(response.Status == status, $"expected {(int)status}, got {(int)response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(kind, response.Json.GetProperty("kind").GetString());
        if (field is not null)
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Body);
        }
    }
}
