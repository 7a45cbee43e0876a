using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Account;

/// <summary>One partner's account. The sign-in parts come from ASP.NET Core Identity.</summary>
public sealed class Member : IdentityUser<Guid>, ISealedRecord
{
    public const int FirstNameMaxLength = 50;

    /// <summary>What the partner sees them as, sealed with the member's key (<see cref="MemberNames"/> opens and sets it).</summary>
    public SealedText FirstName { get; set; } = default!;

    public DateTime CreatedAt { get; set; }

    /// <summary>The culture the member chose for text, dates and numbers ("en-US"), or null for the browser's or the default
    /// (decisions/0022).</summary>
    public string? Language { get; set; }

    public const int LanguageMaxLength = 32;

    /// <summary>A partner, or a professional in practice mode (decisions/0044). Professionals never have a couple space.</summary>
    public Practice.MemberRole Role { get; set; }

    public bool IsProfessional => Role != Practice.MemberRole.Partner;

    /// <summary>May open the content-blind admin page (decisions/0045). Granted only from the command line
    /// (<c>accounts grant-operator</c>); a partner can be an operator too.</summary>
    public bool IsOperator { get; set; }

    /// <summary>When the operator disabled the account; null while it may sign in. A disabled member cannot sign in, and
    /// their sessions and tokens stop working (decisions/0045).</summary>
    public DateTime? DisabledAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(FirstName) ? MemberNames.PlaceOf(Id) : throw new ArgumentOutOfRangeException(nameof(property));

    /// <summary>What is wrong with a first name someone typed, or null when it is fine.</summary>
    public static string? FirstNameProblem(string? typed)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Text.Of("Please tell us your first name. It's what your partner will see.");
        }

        return name.Length > FirstNameMaxLength || name.Any(char.IsControl)
            ? Text.Of("Please use a first name of at most {0} characters.", FirstNameMaxLength)
            : null;
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        // Room for a sealed name of up to 50 characters (4 bytes each at most) in its envelope.
        builder.Property(m => m.FirstName).HasMaxLength(320).IsRequired();
        builder.Property(m => m.Language).HasMaxLength(Member.LanguageMaxLength);
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
