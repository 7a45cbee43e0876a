using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>What the operator types to make an account: an email, a first name and what the account is for.</summary>
public sealed record NewAccountInput(string? Email, string? Name, MemberRole Role);

/// <summary>
/// Makes an account the operator asked for: confirmed email, no password yet (the person chooses it from the welcome email).
/// A partner's account (<c>accounts create</c>) and a professional's (<c>professional add</c>) are made the same way.
/// </summary>
public sealed class CreateConfirmedAccount(
    UserManager<Member> users,
    MemberNames names,
    TimeProvider clock,
    ILogger<CreateConfirmedAccount> logger
)
{
    public async Task<Outcome<Member>> HandleAsync(NewAccountInput input, CancellationToken cancellationToken = default)
    {
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !RegisterMember.IsEmail(email))
        {
            return Problem.Invalid(
                nameof(input.Email),
                Text.Of("That doesn't look like an email address. It should look like name@example.org.")
            );
        }

        if (Member.FirstNameProblem(input.Name) is { } nameProblem)
        {
            return Problem.Invalid(nameof(input.Name), nameProblem);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Problem.Conflict(Text.Of("An account with this email already exists."));
        }

        var member = new Member
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Role = input.Role,
        };
        await names.SetAsync(member, input.Name!.Trim(), cancellationToken);
        var result = await users.CreateAsync(member);
        if (!result.Succeeded)
        {
            return Problem.Conflict(Text.Of("An account with this email already exists."));
        }

        logger.LogInformation("Account {MemberId} created by the operator as {Role}", member.Id, member.Role);
        return Outcome<Member>.Ok(member);
    }
}

/// <summary>
/// A partner's account made by the operator (<c>accounts create EMAIL FIRSTNAME</c>, or the admin page): confirmed, with an email
/// to choose a password. Works in every registration mode, Closed too. The account stays when the email cannot be sent;
/// <see cref="Emailed"/> says which happened.
/// </summary>
public sealed class OperatorCreateAccount(CreateConfirmedAccount create, AccountEmails emails, ILogger<OperatorCreateAccount> logger)
{
    /// <summary>Whether the welcome email went out, once <see cref="HandleAsync"/> succeeded.</summary>
    public bool Emailed { get; private set; }

    public async Task<Outcome<Guid>> HandleAsync(
        string? email,
        string? firstName,
        Guid? byOperator,
        CancellationToken cancellationToken = default
    )
    {
        var created = await create.HandleAsync(new NewAccountInput(email, firstName, MemberRole.Partner), cancellationToken);
        if (!created.Succeeded)
        {
            return created.Problem!;
        }

        var member = created.Value!;
        if (byOperator is { } by)
        {
            logger.LogInformation("Operator {OperatorId} created account {MemberId}", by, member.Id);
        }

        Emailed = await emails.SendWelcomeAsync(member, cancellationToken);
        return Outcome<Guid>.Ok(member.Id);
    }
}
