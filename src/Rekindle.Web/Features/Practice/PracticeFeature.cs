using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Practice;

/// <summary>Practice mode (decisions/0044): counselors with their own accounts, connected by couples who agree.</summary>
public sealed class PracticeOptions : IValidatableObject
{
    public const string Section = "Practice";

    /// <summary>Turns practice mode on. Off (the default): no professional accounts, no connection pages.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long a connection code can be used, in hours (1-720; default three days).</summary>
    public int CodeLifetimeHours { get; set; } = 72;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CodeLifetimeHours is < 1 or > 720)
        {
            yield return new ValidationResult("Practice:CodeLifetimeHours must be between 1 and 720 hours.", [nameof(CodeLifetimeHours)]);
        }
    }
}

public static class PracticeFeature
{
    public static WebApplicationBuilder AddPractice(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<PracticeOptions>()
            .BindConfiguration(PracticeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ProfessionalAccess>();
        builder.Services.AddScoped<MyConnections>();
        builder.Services.AddScoped<CreateProfessional>();
        builder.AddPracticeAccounts();
        builder.Services.AddPracticeConnect();
        builder.Services.AddPracticeView();
        builder.AddPracticeHomework();
        builder.AddPracticeOidc();
        return builder;
    }
}

/// <summary>
/// The professional's boundary, as <see cref="CurrentMember"/> is the couple's: every read a professional makes starts here, so
/// a connection that is not theirs, not active yet, or ended gives nothing (a 404), from the next request on.
/// </summary>
public sealed class ProfessionalAccess(AppDbContext db, CurrentMember current, IOptions<PracticeOptions> options)
{
    /// <summary>The signed-in member is a professional on an instance in practice mode.</summary>
    public async Task<Member?> ProfessionalAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled || current.MemberId is not { } id)
        {
            return null;
        }

        var member = await db.Users.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is { IsProfessional: true } ? member : null;
    }

    /// <summary>The signed-in professional's active connection with this id, or null: not theirs, not agreed yet, or ended.</summary>
    public async Task<ProfessionalConnection?> ActiveAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        if (await ProfessionalAsync(cancellationToken) is not { } professional)
        {
            return null;
        }

        return await db
            .ProfessionalConnections.AsNoTracking()
            .FirstOrDefaultAsync(
                c => c.Id == connectionId && c.ProfessionalId == professional.Id && c.State == ConnectionState.Active,
                cancellationToken
            );
    }

    /// <summary>Each agreed member of a connection and what they chose to share; a member who has not agreed is left out.</summary>
    public async Task<IReadOnlyList<ConnectionConsent>> AgreedAsync(Guid connectionId, CancellationToken cancellationToken = default) =>
        await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.ConnectionId == connectionId && c.AgreedAt != null)
            .OrderBy(c => c.MemberId)
            .ToListAsync(cancellationToken);
}

/// <summary>A partner's side of the boundary: the connections the signed-in member is in and agreed to.</summary>
public sealed class MyConnections(AppDbContext db, CurrentMember current, IOptions<PracticeOptions> options)
{
    /// <summary>The member's active connections they agreed to: their couple's (both agreed) and their own individual one.</summary>
    public async Task<IReadOnlyList<ProfessionalConnection>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled || current.MemberId is not { } me)
        {
            return [];
        }

        return await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.MemberId == me && c.AgreedAt != null)
            .Join(db.ProfessionalConnections.AsNoTracking(), c => c.ConnectionId, p => p.Id, (_, p) => p)
            .Where(p => p.State == ConnectionState.Active)
            .OrderBy(p => p.ActiveAt)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>What the operator types to make a professional's account (the command line and the tests share it).</summary>
public sealed record CreateProfessionalInput(string? Email, string? Name, bool PracticeAdmin);

/// <summary>Makes a professional's account: confirmed email, no password yet, no couple space ever (the operator's account maker,
/// <see cref="Operator.CreateConfirmedAccount"/>, with a professional's role).</summary>
public sealed class CreateProfessional(Operator.CreateConfirmedAccount create)
{
    public Task<Outcome<Member>> HandleAsync(CreateProfessionalInput input, CancellationToken cancellationToken = default) =>
        create.HandleAsync(
            new Operator.NewAccountInput(input.Email, input.Name, input.PracticeAdmin ? MemberRole.PracticeAdmin : MemberRole.Professional),
            cancellationToken
        );
}
