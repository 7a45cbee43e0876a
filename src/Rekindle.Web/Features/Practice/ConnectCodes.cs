using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>A new connection code, shown once: the code itself is never stored, only its hash.</summary>
public sealed record NewConnectionCode(Guid Id, string Code, string DisplayCode, DateTime ExpiresAt);

/// <summary>A code the professional made that can still be used: when it was made and until when, never the code.</summary>
public sealed record OpenConnectionCode(Guid Id, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>Makes a single-use connection code that works for <see cref="PracticeOptions.CodeLifetimeHours"/>.</summary>
public sealed class MakeConnectionCode(
    AppDbContext db,
    ProfessionalAccess access,
    IOptions<PracticeOptions> options,
    TimeProvider clock,
    ILogger<MakeConnectionCode> logger
)
{
    public async Task<Outcome<NewConnectionCode>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await access.ProfessionalAsync(cancellationToken) is not { } professional)
        {
            return CounselorMember.NotHere();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var code = ConnectionCodes.NewCode();
        var row = new ConnectionCode
        {
            Id = Guid.NewGuid(),
            ProfessionalId = professional.Id,
            CodeHash = ConnectionCodes.Hash(code),
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.CodeLifetimeHours),
        };
        db.ConnectionCodes.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Professional {MemberId} made connection code {CodeId}", professional.Id, row.Id);
        return Outcome<NewConnectionCode>.Ok(new NewConnectionCode(row.Id, code, ConnectionCodes.Format(code), row.ExpiresAt));
    }
}

/// <summary>Cancels one of the professional's unused codes: it stops working at once.</summary>
public sealed class CancelConnectionCode(AppDbContext db, ProfessionalAccess access)
{
    public async Task<Outcome<bool>> HandleAsync(Guid codeId, CancellationToken cancellationToken = default)
    {
        if (await access.ProfessionalAsync(cancellationToken) is not { } professional)
        {
            return CounselorMember.NotHere();
        }

        var removed = await db
            .ConnectionCodes.Where(c => c.Id == codeId && c.ProfessionalId == professional.Id && c.UsedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Outcome<bool>.Ok(true) : Problem.NotFound(Text.Of("That code is already used, cancelled or gone."));
    }
}

/// <summary>The professional's codes that can still be used, the soonest to expire first.</summary>
public sealed class ListConnectionCodes(AppDbContext db, ProfessionalAccess access, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<OpenConnectionCode>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await access.ProfessionalAsync(cancellationToken) is not { } professional)
        {
            return CounselorMember.NotHere();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db
            .ConnectionCodes.AsNoTracking()
            .Where(c => c.ProfessionalId == professional.Id && c.UsedAt == null && c.ExpiresAt > now)
            .OrderBy(c => c.ExpiresAt)
            .Select(c => new OpenConnectionCode(c.Id, c.CreatedAt, c.ExpiresAt))
            .ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<OpenConnectionCode>>.Ok(open);
    }
}
