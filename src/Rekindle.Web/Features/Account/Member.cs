using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rekindle.Web.Features.Account;

/// <summary>One partner's account. The sign-in parts come from ASP.NET Core Identity.</summary>
public sealed class Member : IdentityUser<Guid>
{
    public const int FirstNameMaxLength = 50;

    /// <summary>What the partner sees them as. Nothing else about them is shown to anyone.</summary>
    public string FirstName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>What is wrong with a first name someone typed, or null when it is fine.</summary>
    public static string? FirstNameProblem(string? typed)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return "Please tell us your first name. It's what your partner will see.";
        }

        return name.Length > FirstNameMaxLength || name.Any(char.IsControl)
            ? $"Please use a first name of at most {FirstNameMaxLength} characters."
            : null;
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.FirstName).HasMaxLength(Member.FirstNameMaxLength).IsRequired();
    }
}

/// <summary>
/// An authenticator time step a member has already used. A code is good for one sign-in only, so a
/// code seen over a shoulder or replayed from a captured request is refused.
/// </summary>
public sealed class UsedTotpStep
{
    public Guid MemberId { get; set; }

    public long Step { get; set; }
}

internal sealed class UsedTotpStepConfiguration : IEntityTypeConfiguration<UsedTotpStep>
{
    public void Configure(EntityTypeBuilder<UsedTotpStep> builder)
    {
        builder.HasKey(s => new { s.MemberId, s.Step });
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
