using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Push;

/// <summary>
/// One device that agreed to show Rekindle's notifications: the browser's push subscription, tied to the
/// member and to the session it was made in. The subscription (the push service's address for this
/// browser and its two keys) is sealed with the member's key; only a keyed hash of the address is in the
/// clear, so the same browser subscribing again replaces its row.
/// </summary>
public sealed class PushDevice : ISealedRecord
{
    /// <summary>Room for a sealed subscription: an address of up to 800 characters and its two keys, as JSON.</summary>
    public const int SealedMaxLength = 1400;

    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>The session the device was signed in with; notifications stop when it ends.</summary>
    public Guid SessionId { get; set; }

    /// <summary>HMAC-SHA256 of the push address under a key derived from the master key (base64url).</summary>
    public string EndpointHash { get; set; } = "";

    /// <summary>{"endpoint","p256dh","auth"} as JSON, sealed with the member's key.</summary>
    public SealedText Subscription { get; set; } = default!;

    public DateTime CreatedAt { get; set; }

    public static SealPlace SubscriptionPlace(Guid id, Guid memberId) =>
        SealedPlaces.PushDeviceSubscription.At(id, KeyOwner.Member(memberId));

    public SealPlace PlaceOf(string property) =>
        property == nameof(Subscription) ? SubscriptionPlace(Id, MemberId) : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives: where to send, and the two keys to encrypt for.</summary>
public sealed record PushEndpoint(string Endpoint, string P256dh, string Auth)
{
    public string ToJson() => JsonSerializer.Serialize(this, PushJson.Default.PushEndpoint);

    public static PushEndpoint? FromJson(string json) => JsonSerializer.Deserialize(json, PushJson.Default.PushEndpoint);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(PushEndpoint))]
[System.Text.Json.Serialization.JsonSerializable(typeof(PushPayload))]
internal sealed partial class PushJson : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>All a notification ever carries: the app's name, one fixed line, and a path on this site to open.</summary>
public sealed record PushPayload(
    [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("body")] string Body,
    [property: System.Text.Json.Serialization.JsonPropertyName("path")] string Path
);

internal sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EndpointHash).HasMaxLength(43).IsRequired();
        builder.HasIndex(d => d.EndpointHash).IsUnique();
        builder.HasIndex(d => d.MemberId);
        builder.Property(d => d.Subscription).HasMaxLength(PushDevice.SealedMaxLength).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
