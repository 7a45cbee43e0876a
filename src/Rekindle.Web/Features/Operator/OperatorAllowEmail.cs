using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// The operator's allow-list for invite-only registration: an email address, or <c>@domain</c> for everyone at a domain, kept
/// lower-case. Added and removed without a restart; <c>Registration:AllowedEmails</c> still count beside it.
/// </summary>
public sealed class OperatorAllowEmail(AppDbContext db, TimeProvider clock, ILogger<OperatorAllowEmail> logger)
{
    /// <summary>The address as it is kept (trimmed, lower-case), or null when it is neither an address nor <c>@domain</c>.</summary>
    public static string? Normalize(string? typed)
    {
        var address = typed?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || address.Length > AllowedEmail.AddressMaxLength)
        {
            return null;
        }

        if (address.StartsWith('@'))
        {
            // "@example.org": checked as the domain of an address would be.
            return address.Length > 1 && RegisterMember.IsEmail("x" + address) ? address : null;
        }

        return RegisterMember.IsEmail(address) ? address : null;
    }

    public async Task<Outcome<Guid>> AddAsync(string? addressOrDomain, CancellationToken cancellationToken = default)
    {
        if (Normalize(addressOrDomain) is not { } address)
        {
            return Problem.Invalid(
                "address",
                Text.Of("Type an email address like name@example.org, or @example.org for everyone at that address.")
            );
        }

        if (await db.AllowedEmails.AnyAsync(a => a.Address == address, cancellationToken))
        {
            return Problem.Conflict(Text.Of("This address is already on the list."));
        }

        var row = new AllowedEmail
        {
            Id = Guid.NewGuid(),
            Address = address,
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AllowedEmails.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return Problem.Conflict(Text.Of("This address is already on the list."));
        }

        logger.LogInformation("Allowed address {AllowedId} added", row.Id);
        return Outcome<Guid>.Ok(row.Id);
    }

    public async Task<Outcome<bool>> RemoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var removed = await db.AllowedEmails.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Problem.NotFound(Text.Of("This address is not on the list."));
        }

        logger.LogInformation("Allowed address {AllowedId} removed", id);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The id of a listed address, for the command line, which names it as typed.</summary>
    public async Task<Outcome<Guid>> FindAsync(string? addressOrDomain, CancellationToken cancellationToken = default)
    {
        var address = Normalize(addressOrDomain);
        var id = address is null
            ? null
            : await db.AllowedEmails.Where(a => a.Address == address).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? Outcome<Guid>.Ok(found) : Problem.NotFound(Text.Of("This address is not on the list."));
    }
}
