using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>Sets who may sign up (open, invite-only or closed), over <c>Registration:Mode</c>, from the next sign-up on.</summary>
public sealed class OperatorSetRegistration(AppDbContext db, TimeProvider clock, ILogger<OperatorSetRegistration> logger)
{
    public async Task<Outcome<bool>> HandleAsync(RegistrationMode mode, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(mode))
        {
            return Problem.Invalid("mode", Text.Of("Choose open, invite-only or closed."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.RegistrationSettings.FirstOrDefaultAsync(s => s.Id == RegistrationSetting.OnlyId, cancellationToken);
        if (row is null)
        {
            db.RegistrationSettings.Add(new RegistrationSetting { Mode = mode, ChangedAt = now });
        }
        else
        {
            row.Mode = mode;
            row.ChangedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two changes at the same moment: the other one's row is there now; the operator can simply choose again.
            return Problem.Conflict(Text.Of("The setting changed at the same moment. Please try again."));
        }

        logger.LogInformation("Registration set to {Mode}", mode);
        return Outcome<bool>.Ok(true);
    }
}
