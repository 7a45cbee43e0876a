using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Our password rule: 8 to 128 characters, anything goes (spaces, emoji, passphrases), except the
/// most common passwords and the member's own email. No composition rules: they push people to
/// predictable patterns without making passwords stronger.
/// </summary>
public sealed class MemberPasswordValidator(CommonPasswords common) : IPasswordValidator<Member>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password) =>
        Task.FromResult(Check(password, user.Email));

    public IdentityResult Check(string? password, string? email)
    {
        var problem = Problem(password, email);
        return problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "Password", Description = problem });
    }

    public string? Problem(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return Text.Of("Use at least {0} characters. A few words in a row make a good one.", MinLength);
        }

        if (password.Length > MaxLength)
        {
            return Text.Of("Use at most {0} characters.", MaxLength);
        }

        if (common.Contains(password) || password.Distinct().Count() == 1)
        {
            return Text.Of("That password is one of the most common ones, so it is easy to guess. Please choose another.");
        }

        if (
            !string.IsNullOrEmpty(email)
            && (
                password.Equals(email, StringComparison.OrdinalIgnoreCase)
                || password.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            return Text.Of("Please don't use your email address as your password.");
        }

        return null;
    }
}

/// <summary>The bundled list of very common passwords (Content/common-passwords.txt), loaded once.</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _passwords;

    public static CommonPasswords LoadBundled() =>
        new(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Content", "common-passwords.txt")));

    public CommonPasswords(IEnumerable<string> lines) =>
        _passwords = new HashSet<string>(
            lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')),
            StringComparer.OrdinalIgnoreCase
        );

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password.Trim());
}
