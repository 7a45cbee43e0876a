using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>One professional as the practice admin and the operator see them: never anything of a couple, only a count.</summary>
public sealed record ProfessionalRow(Guid Id, string Name, string Email, MemberRole Role, int ActiveConnections);

/// <summary>The practice's professionals with their number of active connections (decisions/0044, point 3).</summary>
public sealed class ListProfessionals(AppDbContext db, MemberNames names)
{
    public async Task<IReadOnlyList<ProfessionalRow>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db
            .Users.AsNoTracking()
            .Where(m => m.Role != MemberRole.Partner)
            .Select(m => new
            {
                m.Id,
                m.Email,
                m.FirstName,
                m.Role,
                Active = db.ProfessionalConnections.Count(c => c.ProfessionalId == m.Id && c.State == ConnectionState.Active),
            })
            .ToListAsync(cancellationToken);
        var list = new List<ProfessionalRow>(rows.Count);
        foreach (var row in rows)
        {
            list.Add(
                new ProfessionalRow(
                    row.Id,
                    await names.OpenAsync(row.Id, row.FirstName, cancellationToken),
                    row.Email!,
                    row.Role,
                    row.Active
                )
            );
        }

        return [.. list.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }
}

/// <summary>
/// What the operator types to add a professional (<c>professional add</c>): the account (<see cref="CreateProfessional"/>) and an
/// email with a link to choose a password. The account stays when the email cannot be sent, so the answer says which happened.
/// </summary>
public sealed class InviteProfessional(CreateProfessional create, AccountEmails emails)
{
    public sealed record Invited(Member Member, bool Emailed);

    public async Task<Outcome<Invited>> HandleAsync(CreateProfessionalInput input, CancellationToken cancellationToken = default)
    {
        var created = await create.HandleAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Problem!;
        }

        return Outcome<Invited>.Ok(new Invited(created.Value!, await emails.SendWelcomeAsync(created.Value!, cancellationToken)));
    }
}

/// <summary>
/// Deletes a professional's account (<c>professional remove</c>). Their connections, codes and homework go with it by the
/// database's cascades; the keys of the account and of each connection are destroyed, so what they sealed stays unreadable in
/// backups too. A partner's account is never removed this way.
/// </summary>
public sealed class RemoveProfessional(UserManager<Member> users, AppDbContext db, KeyRing keys, ILogger<RemoveProfessional> logger)
{
    public async Task<Outcome<Guid>> HandleAsync(string? email, CancellationToken cancellationToken = default)
    {
        var member = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (member is not { IsProfessional: true })
        {
            return Problem.NotFound(Text.Of("There is no professional's account with this email."));
        }

        var connections = await db
            .ProfessionalConnections.Where(c => c.ProfessionalId == member.Id)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var result = await users.DeleteAsync(member);
        if (!result.Succeeded)
        {
            return Problem.Conflict(Text.Of("The account could not be removed. Please try again."));
        }

        await keys.DestroyAsync(KeyOwner.Member(member.Id), cancellationToken);
        foreach (var connection in connections)
        {
            await keys.DestroyAsync(ProfessionalConnection.KeyOf(connection), cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        logger.LogInformation("Professional {MemberId} removed with {Connections} connections", member.Id, connections.Count);
        return Outcome<Guid>.Ok(member.Id);
    }
}
