using System.Net;
using Rekindle.Testing;
using Rekindle.Tests.Platform;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Api;

/// <summary>The token endpoint shares the sign-in form's per-address guessing limit, and says so as problem details.</summary>
public sealed class ApiGuessLimitTests(TightLimitsApp app) : IClassFixture<TightLimitsApp>
{
    [Fact]
    public async Task Token_requests_count_towards_the_addresses_guessing_limit()
    {
        using var api = ApiClient.For(app);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(
                HttpStatusCode.BadRequest,
                (await api.PostAsync("/api/v1/auth/token", new { email = NewEmail("g"), password = "a guess at it " + i })).Status
            );
        }

        var limited = await api.PostAsync("/api/v1/auth/token", new { email = NewEmail("g"), password = "one more guess" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("application/problem+json", limited.ContentType);
        Assert.True(limited.Response.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = "x" })).Status);
    }
}
