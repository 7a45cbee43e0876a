using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Safety;

/// <summary>
/// Whose helplines the safety page shows first: a country the member picked for themselves (kept in
/// their preferences, never shown to the partner, only in their own export), else the instance's
/// default, else every country's.
/// </summary>
public sealed class HelplineCountry(AppDbContext db, CurrentMember current, SafetyResourceSet set, IOptions<SafetyResourcesOptions> options)
{
    /// <summary>The instance's default: a country of the file, or every country's lines.</summary>
    public string Default => set.Known(options.Value.DefaultCountry?.Trim()) ?? SafetyResourceSet.AllCountries;

    /// <summary>The member's own saved choice, if they are signed in and made one that is still in the file.</summary>
    private async Task<string?> SavedAsync(CancellationToken cancellationToken)
    {
        if (current.MemberId is not { } memberId)
        {
            return null;
        }

        var saved = await db
            .MemberPreferences.AsNoTracking()
            .Where(p => p.MemberId == memberId)
            .Select(p => p.SafetyCountry)
            .FirstOrDefaultAsync(cancellationToken);
        return set.Known(saved);
    }

    /// <summary>What to show: a country asked for in the address, else the member's choice, else the default.</summary>
    public async Task<string> ShownAsync(string? asked, CancellationToken cancellationToken = default) =>
        set.Known(asked) ?? await SavedAsync(cancellationToken) ?? Default;
}

/// <summary>The member picks whose helplines the safety page shows them first, from the places in the file only.</summary>
public sealed class SaveHelplineCountry(AppDbContext db, CurrentMember current, SafetyResourceSet set)
{
    public async Task<Outcome<string>> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (set.Known(code) is not { } known)
        {
            return Problem.Invalid("country", Text.Of("Please choose one of the places in the list."));
        }

        var memberId = current.RequiredMemberId;
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = memberId };
            db.MemberPreferences.Add(row);
        }

        row.SafetyCountry = known;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<string>.Ok(known);
    }
}

/// <summary>The member's own helpline country, in their export only: each export is one member's.</summary>
public sealed class SafetyExport(AppDbContext db) : IExportSection
{
    public string Name => "safety";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        new
        {
            HelplineCountry = await db
                .MemberPreferences.AsNoTracking()
                .Where(p => p.MemberId == memberId)
                .Select(p => p.SafetyCountry)
                .FirstOrDefaultAsync(cancellationToken),
        };
}
