using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Rekindle.Testing;

/// <summary>Who is signed in at the provider when the app sends someone there (their consent is automatic).</summary>
public sealed record OidcPerson(string Subject, string? Email, bool EmailVerified);

/// <summary>
/// A real OpenID Connect provider for the practice sign-in (decisions/0044): OpenIddict's server on a loopback port, with one
/// client registered (the app, with its secret and redirect address) and the code flow with PKCE. It has no sign-in page: the
/// person in <see cref="SignedIn"/> is the one at the provider, and agrees at once; with nobody there it answers access_denied.
/// The app finds it by its discovery document and redeems codes at its token endpoint over the back channel, as with any
/// provider; <see cref="Requests"/> shows each step it served.
/// </summary>
public sealed class TestOidcServer : IAsyncDisposable
{
    public const string ClientId = "rekindle-practice";
    public const string ClientSecret = "a-secret-only-the-app-and-the-provider-know";

    private readonly WebApplication _app;

    private TestOidcServer(WebApplication app, string authority)
    {
        _app = app;
        Authority = authority;
    }

    /// <summary>The provider's address, as Practice:Oidc:Authority names it.</summary>
    public string Authority { get; }

    public OidcPerson? SignedIn { get; set; }

    /// <summary>Each request the provider answered: method, path and query.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The settings of an instance in practice mode that uses this provider.</summary>
    public Dictionary<string, string?> Settings(string displayName = "Northside Counseling")
    {
        var settings = Rekindle.Testing.PracticeSeed.On();
        settings["Practice:Oidc:Authority"] = Authority;
        settings["Practice:Oidc:ClientId"] = ClientId;
        settings["Practice:Oidc:ClientSecret"] = ClientSecret;
        settings["Practice:Oidc:DisplayName"] = displayName;
        return settings;
    }

    /// <param name="redirectUri">The one address the registered client may be sent back to (the app's callback).</param>
    public static async Task<TestOidcServer> StartAsync(string redirectUri = "https://localhost/pro/sign-in/callback")
    {
        var authority = $"http://127.0.0.1:{TestMailbox.FreePort()}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(authority);
        builder.Logging.ClearProviders();
        TestOidcServer? server = null;
        builder
            .Services.AddOpenIddict()
            .AddServer(options =>
            {
                options.SetIssuer(new Uri(authority));
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                // No database: the client is checked by the handlers below.
                options.EnableDegradedMode();
                options.UseAspNetCore().DisableTransportSecurityRequirement();

                options.AddEventHandler<ValidateAuthorizationRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (context.Request.ClientId != ClientId)
                        {
                            context.Reject(Errors.InvalidClient, "Unknown client.");
                            return default;
                        }

                        if (context.Request.RedirectUri != redirectUri)
                        {
                            context.Reject(Errors.InvalidRequest, "That redirect address is not registered.");
                            return default;
                        }

                        context.SetRedirectUri(redirectUri);
                        return default;
                    })
                );

                options.AddEventHandler<ValidateTokenRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                        {
                            context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                        }

                        return default;
                    })
                );

                options.AddEventHandler<HandleAuthorizationRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (server!.SignedIn is not { } person)
                        {
                            context.Reject(Errors.AccessDenied, "Nobody is signed in at the provider.");
                            return default;
                        }

                        var identity = new ClaimsIdentity("TestOidcServer", Claims.Name, Claims.Role);
                        identity.SetClaim(Claims.Subject, person.Subject);
                        if (person.Email is not null)
                        {
                            identity.SetClaim(Claims.Email, person.Email);
                        }

                        identity.AddClaim(
                            new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean)
                        );
                        identity.SetScopes(context.Request.GetScopes());
                        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
                        context.SignIn(new ClaimsPrincipal(identity));
                        return default;
                    })
                );
            });

        var app = builder.Build();
        server = new TestOidcServer(app, authority);
        app.Use(
            async (HttpContext context, RequestDelegate next) =>
            {
                server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
                await next(context);
            }
        );
        app.UseAuthentication();
        await app.StartAsync();
        return server;
    }

    /// <summary>
    /// A browser (as <see cref="RekindleFactory.NewBrowser"/>) that can also visit this provider: its requests to the provider go
    /// over the loopback network, the rest to the app in the test, each with the cookies of its own site.
    /// </summary>
    public TestBrowser NewBrowser(RekindleFactory app)
    {
        var jar = new CookieContainer();
        var handler = new CookieJar(jar) { InnerHandler = new ByHost(new Uri(Authority), app.Server.CreateHandler()) };
        return new TestBrowser(new HttpClient(handler) { BaseAddress = new Uri("https://localhost") }, jar);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class ByHost(Uri provider, HttpMessageHandler app) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _app = new(app);
        private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.Authority == provider.Authority
                ? _network.SendAsync(request, cancellationToken)
                : _app.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _app.Dispose();
                _network.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
