using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// Who may create an account, as the operator last set it on the admin page or the command line
/// (decisions/0045). One row at most (Id 1); with no row, the configuration's <c>Registration:Mode</c> holds.
/// Read on every sign-up, so a change needs no restart.
/// </summary>
public sealed class RegistrationSetting
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;

    public RegistrationMode Mode { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// An address (or <c>@domain</c>) the operator lets register while registration is invite-only, added
/// without a restart (decisions/0045). Kept lower-case; the configuration's <c>Registration:AllowedEmails</c>
/// still count too.
/// </summary>
public sealed class AllowedEmail
{
    public const int AddressMaxLength = 254;

    public Guid Id { get; set; }

    public string Address { get; set; } = "";

    public DateTime AddedAt { get; set; }
}

internal sealed class RegistrationSettingConfiguration : IEntityTypeConfiguration<RegistrationSetting>
{
    public void Configure(EntityTypeBuilder<RegistrationSetting> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class AllowedEmailConfiguration : IEntityTypeConfiguration<AllowedEmail>
{
    public void Configure(EntityTypeBuilder<AllowedEmail> builder)
    {
        builder.Property(a => a.Address).HasMaxLength(AllowedEmail.AddressMaxLength).IsRequired();
        builder.HasIndex(a => a.Address).IsUnique();
    }
}
