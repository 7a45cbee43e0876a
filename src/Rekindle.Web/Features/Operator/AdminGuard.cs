using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Operator;

/// <summary>The signed-in operator on this request: who they are, and whether they have a second sign-in step on.</summary>
public sealed record AdminOperator(Guid Id, bool Authenticator, bool Passkey)
{
    /// <summary>An authenticator app or a passkey: the admin pages open only with one (decisions/0045).</summary>
    public bool SecondFactor => Authenticator || Passkey;
}

/// <summary>
/// Whether the member making this request is an operator (decisions/0045): read from the member's row on every request
/// (<see cref="Member.IsOperator"/>, not disabled), so revoking the flag or disabling the account holds from the next request.
/// Scoped: the guard and the page share one read; nothing is kept across requests.
/// </summary>
public sealed class AdminAccess(AppDbContext db, IHttpContextAccessor accessor)
{
    private AdminOperator? _operator;
    private bool _read;

    /// <summary>The operator, or null for a visitor, a member who is not an operator, and a disabled one.</summary>
    public async Task<AdminOperator?> OperatorAsync()
    {
        if (_read)
        {
            return _operator;
        }

        var id = Sessions.MemberIdOf(accessor.HttpContext?.User);
        _operator = id is null
            ? null
            : await db
                .Users.AsNoTracking()
                .Where(m => m.Id == id && m.IsOperator && m.DisabledAt == null)
                .Select(m => new AdminOperator(m.Id, m.TwoFactorEnabled, db.UserPasskeys.Any(p => p.UserId == m.Id)))
                .FirstOrDefaultAsync();
        _read = true;
        return _operator;
    }
}

/// <summary>
/// The one line in front of the admin pages (decisions/0045): everyone who is not an operator, visitors included, gets the same
/// 404 from every address under <see cref="Path"/>, so the answer tells nothing. An operator without a second sign-in step sees
/// only the page that says so; a form post from them goes back to it, changing nothing.
/// </summary>
public static class AdminGuard
{
    public const string Path = "/admin";

    public static bool IsAdminPath(PathString path) => path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminAccess>();
        builder.Services.AddScoped<AdminHealth>();
        builder.Services.AddScoped<AdminResetSecondFactor>();
        return builder;
    }

    public static IApplicationBuilder UseAdminGuard(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                if (IsAdminPath(context.Request.Path))
                {
                    var admin = await context.RequestServices.GetRequiredService<AdminAccess>().OperatorAsync();
                    if (admin is null)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }

                    if (!admin.SecondFactor && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                    {
                        context.Response.StatusCode = StatusCodes.Status303SeeOther;
                        context.Response.Headers.Location = Path;
                        return;
                    }
                }

                await next();
            }
        );
}
