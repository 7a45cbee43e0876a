using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// Who may sign up right now (decisions/0045, point 4): <paramref name="Mode"/> is the operator's last choice when
/// <paramref name="FromDatabase"/>, else <c>Registration:Mode</c>; the addresses allowed while invite-only are the settings'
/// (<paramref name="AllowedFromSettings"/>) and the operator's (<paramref name="AllowedAdded"/>) together.
/// </summary>
public sealed record RegistrationState(
    RegistrationMode Mode,
    bool FromDatabase,
    IReadOnlyList<string> AllowedFromSettings,
    IReadOnlyList<string> AllowedAdded
)
{
    /// <summary>Whether the address is listed (an exact address, or <c>@domain</c> for all of a domain).</summary>
    public bool Allows(string email) => AllowedFromSettings.Concat(AllowedAdded).Any(a => Matches(a, email));

    public bool ListsAllowedEmails => AllowedFromSettings.Count + AllowedAdded.Count > 0;

    private static bool Matches(string allowed, string email) =>
        allowed.StartsWith('@')
            ? email.EndsWith(allowed, StringComparison.OrdinalIgnoreCase)
            : email.Equals(allowed, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An address the operator added to the allow-list, with the id to remove it by.</summary>
public sealed record AllowedEmailRow(Guid Id, string Address, DateTime AddedAt);

/// <summary>
/// Reads the registration mode and allow-list from the database on every call, over the settings, so a change on the admin page
/// or the command line holds from the next sign-up, without a restart.
/// </summary>
public sealed class RegistrationNow(AppDbContext db, IOptions<RegistrationOptions> options)
{
    public async Task<RegistrationState> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var chosen = await db
            .RegistrationSettings.AsNoTracking()
            .Where(s => s.Id == RegistrationSetting.OnlyId)
            .Select(s => (RegistrationMode?)s.Mode)
            .FirstOrDefaultAsync(cancellationToken);
        var added = await db.AllowedEmails.AsNoTracking().OrderBy(a => a.Address).Select(a => a.Address).ToListAsync(cancellationToken);
        return new RegistrationState(chosen ?? settings.Mode, chosen is not null, [.. settings.AllowedEmails], added);
    }

    /// <summary>The addresses the operator added, with their ids, for the admin page.</summary>
    public async Task<IReadOnlyList<AllowedEmailRow>> AddedAsync(CancellationToken cancellationToken = default) =>
        await db
            .AllowedEmails.AsNoTracking()
            .OrderBy(a => a.Address)
            .Select(a => new AllowedEmailRow(a.Id, a.Address, a.AddedAt))
            .ToListAsync(cancellationToken);
}
