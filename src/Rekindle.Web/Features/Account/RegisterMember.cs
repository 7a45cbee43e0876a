using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

public sealed class RegisterInput
{
    public string? FirstName { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }

    /// <summary>A partner invite code carried from the join link, if any.</summary>
    public string? Invite { get; set; }

    /// <summary>The device's IANA time zone, filled by time-zone.js; empty without scripts (decisions/0035).</summary>
    public string? TimeZone { get; set; }
}

/// <summary>Creates an account and sends the confirmation email. Field problems come back keyed by field name.</summary>
public sealed class RegisterMember(
    UserManager<Member> users,
    AppDbContext db,
    MemberPasswordValidator passwords,
    PreviewInvite invites,
    AccountEmails emails,
    MemberNames names,
    RememberDeviceZone zones,
    Operator.RegistrationNow registration,
    TimeProvider clock,
    ILogger<RegisterMember> logger
)
{
    public const int EmailMaxLength = 254;

    /// <summary>The account was created but the confirmation email could not be sent.</summary>
    public bool EmailFailed { get; private set; }

    public async Task<List<KeyValuePair<string, string>>> HandleAsync(RegisterInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }

        var email = input.Email!.Trim();
        if (await IsClosedAsync(cancellationToken))
        {
            errors.Add(new("", ClosedMessage));
            return errors;
        }

        if (!await MayRegisterAsync(email, input.Invite, cancellationToken))
        {
            errors.Add(
                new("", "This Rekindle is open by invitation only. Ask your partner for their invite link, or ask whoever runs this site.")
            );
            return errors;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            // Say so plainly: hiding it would not stop a partner who can simply try to sign in.
            errors.Add(
                new(
                    nameof(RegisterInput.Email),
                    "An account with this email already exists. Sign in, or reset your password if you forgot it."
                )
            );
            return errors;
        }

        var member = new Member
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await names.SetAsync(member, input.FirstName!, cancellationToken);
        var result = await users.CreateAsync(member, input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(
                    new(
                        error.Code.Contains("Password", StringComparison.Ordinal)
                            ? nameof(RegisterInput.Password)
                            : nameof(RegisterInput.Email),
                        Describe(error)
                    )
                );
            }

            return errors;
        }

        logger.LogInformation("Member {MemberId} registered", member.Id);
        await zones.HandleAsync(member.Id, input.TimeZone, cancellationToken);
        var code = InviteCodes.Normalize(input.Invite);
        if (!await emails.SendConfirmationAsync(member, code is null ? null : "/join?code=" + code, cancellationToken))
        {
            EmailFailed = true;
        }

        return errors;
    }

    public List<KeyValuePair<string, string>> Validate(RegisterInput input)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (Member.FirstNameProblem(input.FirstName) is { } nameProblem)
        {
            errors.Add(new(nameof(RegisterInput.FirstName), nameProblem));
        }

        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new(nameof(RegisterInput.Email), "Please enter your email address."));
        }
        else if (!IsEmail(email))
        {
            errors.Add(new(nameof(RegisterInput.Email), "That doesn't look like an email address. It should look like name@example.org."));
        }

        var problem = passwords.Problem(input.Password, email);
        if (problem is not null)
        {
            errors.Add(new(nameof(RegisterInput.Password), problem));
        }
        else if (input.Password != input.ConfirmPassword)
        {
            errors.Add(new(nameof(RegisterInput.ConfirmPassword), "The two passwords don't match."));
        }

        return errors;
    }

    public static bool IsEmail(string email)
    {
        if (email.Length > EmailMaxLength || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        // A dot in the domain: "name@host" is technically valid but is always a typo here.
        return MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email
            && parsed.User.Length > 0
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !parsed.Host.EndsWith('.');
    }

    /// <summary>What the register page says, and a sign-up is refused with, while registration is closed (decisions/0045).</summary>
    public const string ClosedMessage =
        "New accounts can't be made here right now. If you should have one, ask whoever runs this site to make it for you.";

    private Operator.RegistrationState? _state;

    // Read once per request, fresh from the database: a change by the operator holds from the next sign-up, with no restart.
    private async Task<Operator.RegistrationState> StateAsync(CancellationToken cancellationToken) =>
        _state ??= await registration.GetAsync(cancellationToken);

    /// <summary>Nobody may sign up on the web, not even with a partner invite; the operator makes accounts instead.</summary>
    public async Task<bool> IsClosedAsync(CancellationToken cancellationToken = default) =>
        (await StateAsync(cancellationToken)).Mode == RegistrationMode.Closed;

    /// <summary>Invite-only, but with listed addresses (the settings' or the operator's): the form is shown, and the address
    /// decides.</summary>
    public async Task<bool> ListsAllowedEmailsAsync(CancellationToken cancellationToken = default) =>
        await StateAsync(cancellationToken) is { Mode: RegistrationMode.InviteOnly, ListsAllowedEmails: true };

    /// <summary>Whether the registration mode and allow-list let this person in.</summary>
    public async Task<bool> MayRegisterAsync(string? email, string? invite, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(cancellationToken);
        switch (state.Mode)
        {
            case RegistrationMode.Open:
                return true;
            case RegistrationMode.Closed:
                return false;
        }

        if (email is not null && state.Allows(email))
        {
            return true;
        }

        if (!await db.Users.AnyAsync(cancellationToken))
        {
            return true;
        }

        return invite is not null && (await invites.HandleAsync(invite, cancellationToken)).State == InviteState.Valid;
    }

    private static string Describe(IdentityError error) =>
        error.Code switch
        {
            "DuplicateEmail" or "DuplicateUserName" => Text.Of(
                "An account with this email already exists. Sign in, or reset your password if you forgot it."
            ),
            "InvalidEmail" or "InvalidUserName" => Text.Of(
                "That doesn't look like an email address. It should look like name@example.org."
            ),
            _ => error.Description,
        };
}
