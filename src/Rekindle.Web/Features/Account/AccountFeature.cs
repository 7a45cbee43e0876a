using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Features.Account;

public static class AccountFeature
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.Section).ValidateOnStart();

        services.AddAuthorization();
        services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services
            .AddIdentityCore<Member>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;

                // Length and the common-password list (MemberPasswordValidator) instead of composition rules.
                options.Password.RequiredLength = MemberPasswordValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<SealedUserStore>()
            .AddUserManager<MemberUserManager>()
            .AddSignInManager<MemberSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<MemberPasswordValidator>();

        // Argon2id instead of Identity's PBKDF2 (decisions/0023). Stateless, so one for the process;
        // MemberUserManager takes it by its own type for the async gate and stamp-keeping upgrades.
        services.AddSingleton<MemberPasswordHasher>();
        services.Replace(
            ServiceDescriptor.Singleton<IPasswordHasher<Member>>(provider => provider.GetRequiredService<MemberPasswordHasher>())
        );

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(SessionCookieEvents);
        });

        services.AddScoped<SecurityLog>();
        services.AddScoped<StartSession>();
        services.AddScoped<CheckSession>();
        services.AddScoped<EndSession>();
        services.AddScoped<EndOtherSessions>();
        services.AddScoped<GetSessions>();
        services.AddScoped<GetSecurityLog>();
        services.AddScoped<StartApiSession>();
        services.AddScoped<RefreshApiTokens>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<MemberNames>();
        services.AddScoped<Preferences>();
        services.AddScoped<SaveNotificationSettings>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<StopNoticeEmails>();
        services.AddScoped<RememberDeviceZone>();
        services.AddScoped<ConfirmTimeZone>();
        services.AddScoped<ChooseLanguage>();
        services.AddScoped<GetMyLanguage>();
        services.AddScoped<SessionCookieEvents>();

        // With "Referrer-Policy: no-referrer" browsers send "Origin: null" on form posts, so Identity's
        // default check (credential origin == request Origin header) would refuse every passkey. We
        // compare the credential's origin with this instance's own address instead.
        services
            .AddOptions<IdentityPasskeyOptions>()
            .Configure<IOptions<InstanceOptions>>(
                (passkeys, instance) =>
                    passkeys.ValidateOrigin = context =>
                    {
                        var request = context.HttpContext.Request;
                        var expected = string.IsNullOrWhiteSpace(instance.Value.PublicUrl)
                            ? $"{request.Scheme}://{request.Host}"
                            : new Uri(instance.Value.PublicUrl).GetLeftPart(UriPartial.Authority);
                        return ValueTask.FromResult(
                            !context.CrossOrigin && string.Equals(context.Origin, expected, StringComparison.OrdinalIgnoreCase)
                        );
                    }
            );

        services.AddSingleton(_ => CommonPasswords.LoadBundled());
        services.AddScoped<MemberPasswordValidator>();
        services.AddScoped<RegisterMember>();
        services.AddScoped<SignInWithPassword>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<Passkeys>();
        services.AddScoped<RecentConfirmation>();
        return builder;
    }

    public static void MapAccount(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(
            "/account/logout",
            async (HttpContext context, SignInManager<Member> signIn, RecentConfirmation recent, EndSession end) =>
            {
                if (Sessions.MemberIdOf(context.User) is { } memberId && Sessions.SessionIdOf(context.User) is { } sessionId)
                {
                    await end.HandleAsync(memberId, sessionId, SecurityEventKind.SignedOut);
                }

                await signIn.SignOutAsync();
                recent.Forget();
                return Results.Redirect("/");
            }
        );
        Passkeys.Map(routes);
        StopNoticeEmails.Map(routes);
    }
}
