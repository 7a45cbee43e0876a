using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>The id of the account with this email, for the command line, which names accounts by email.</summary>
public sealed class OperatorFindAccount(UserManager<Member> users)
{
    public async Task<Outcome<Guid>> HandleAsync(string? email, CancellationToken cancellationToken = default)
    {
        var member =
            string.IsNullOrWhiteSpace(email) || email.Length > RegisterMember.EmailMaxLength
                ? null
                : await users.FindByEmailAsync(email.Trim());
        return member is null ? Problem.NotFound(Text.Of("There is no account with this email.")) : Outcome<Guid>.Ok(member.Id);
    }
}
