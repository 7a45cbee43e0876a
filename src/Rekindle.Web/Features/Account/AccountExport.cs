using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Account;

/// <summary>The account's part of the export: profile, ways to sign in, devices and the security log.</summary>
public sealed class AccountExport(AppDbContext db, GetSessions sessions, GetSecurityLog securityLog, MemberNames names) : IExportSection
{
    public string Name => "account";

    public string? Readable(string property, string value) =>
        property == "what" && Enum.TryParse<SecurityEventKind>(value, out var kind) && Enum.IsDefined(kind)
            ? SecurityEventText.Describe(kind)
            : null;

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == memberId)
            .Select(u => new
            {
                u.FirstName,
                u.Email,
                u.EmailConfirmed,
                u.CreatedAt,
                AuthenticatorApp = u.TwoFactorEnabled,
                u.Language,
            })
            .SingleAsync(cancellationToken);
        var firstName = await names.OpenAsync(memberId, member.FirstName, cancellationToken);
        var passkeys = await db
            .UserPasskeys.AsNoTracking()
            .Where(p => p.UserId == memberId)
            .Select(p => new { p.Data.Name, p.Data.CreatedAt })
            .ToListAsync(cancellationToken);
        var devices = (await sessions.HandleAsync(memberId))
            .OrderBy(s => s.CreatedAt)
            .Select(s => new
            {
                s.Device,
                SignedIn = s.CreatedAt,
                LastSeen = s.LastSeenAt,
                SignedOut = s.EndedAt,
            });
        var log = (await securityLog.HandleAsync(memberId, int.MaxValue)).OrderBy(e => e.At);
        return new
        {
            Profile = new
            {
                FirstName = firstName,
                member.Email,
                member.EmailConfirmed,
                member.CreatedAt,
                member.AuthenticatorApp,
                member.Language,
            },
            Passkeys = passkeys,
            Devices = devices,
            SecurityLog = log.Select(e => new
            {
                e.At,
                What = e.Kind.ToString(),
                e.Device,
            }),
        };
    }
}
