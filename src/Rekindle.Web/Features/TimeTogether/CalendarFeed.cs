using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// A member's private calendar subscription: a secret address a calendar app polls. Only a hash of
/// the secret finds the row; the secret itself is kept sealed with the member's key so their own
/// page can show the address again. Replacing or turning it off makes the old address a 404.
/// </summary>
public sealed class CalendarFeed : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>SHA-256 of the secret, hex.</summary>
    public string TokenHash { get; set; } = "";

    public SealedText Token { get; set; } = default!;

    /// <summary>Show each date's name; otherwise every entry just says "Time together" (for calendars others can see).</summary>
    public bool ShowNames { get; set; }

    public DateTime CreatedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Token)
            ? SealedPlaces.CalendarFeedToken.At(Id, KeyOwner.Member(MemberId))
            : throw new ArgumentOutOfRangeException(nameof(property));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<Member>().WithOne().HasForeignKey<CalendarFeed>(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.Property(f => f.Token).HasMaxLength(400);
    }
}

/// <summary>The member's feed as their page shows it: the secret address, whether names show, since when.</summary>
public sealed record FeedView(string Url, bool ShowNames, DateTime CreatedAt);
