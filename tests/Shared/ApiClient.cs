using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rekindle.Testing;

/// <summary>A non-browser API client: no cookies, a bearer token, JSON in and out.</summary>
public sealed class ApiClient(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public string? AccessToken { get; private set; }

    public string? RefreshToken { get; private set; }

    public static ApiClient For(RekindleFactory app) =>
        new(
            app.CreateClient(
                new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
                {
                    BaseAddress = new Uri("https://localhost"),
                    AllowAutoRedirect = false,
                    HandleCookies = false,
                }
            )
        );

    /// <summary>Signs in with email and password (and code); throws unless tokens come back.</summary>
    public static async Task<ApiClient> SignInAsync(
        RekindleFactory app,
        string email,
        string password = Journeys.GoodPassword,
        string? code = null
    )
    {
        var api = For(app);
        var response = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password,
                code,
            }
        );
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token request answered {(int)response.Status}: {response.Body}");
        }

        api.Use(response.Json);
        return api;
    }

    public void Use(JsonElement pair)
    {
        AccessToken = pair.GetProperty("accessToken").GetString();
        RefreshToken = pair.GetProperty("refreshToken").GetString();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
    }

    public async Task<ApiResponse> GetAsync(string url) => await ApiResponse.ReadAsync(await Client.GetAsync(url));

    public async Task<ApiResponse> PostAsync(string url, object body) =>
        await ApiResponse.ReadAsync(await Client.PostAsJsonAsync(url, body));

    public async Task<ApiResponse> PostJsonAsync(string url, string json) => await SendJsonAsync(HttpMethod.Post, url, json);

    /// <summary>A JSON body with any method (POST, PUT, PATCH), as the route registry names it.</summary>
    public async Task<ApiResponse> SendJsonAsync(HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        return await ApiResponse.ReadAsync(await Client.SendAsync(request));
    }

    public void Dispose() => Client.Dispose();
}

public sealed record ApiResponse(HttpStatusCode Status, string Body, string? ContentType, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType, response);
}
