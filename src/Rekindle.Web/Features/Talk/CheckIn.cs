using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>The check-in's wording (Content/talk/checkin.{language}.json); three appreciation prompts a week, in turn.</summary>
public sealed record CheckInContent(
    IReadOnlyList<string> AppreciationPrompts,
    string WentWell,
    string ToTalkAbout,
    string FeelLoved,
    string Pulse,
    string PulseLow,
    string PulseHigh
)
{
    public const int Appreciations = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<string> PromptsFor(DateOnly weekStart)
    {
        var offset = weekStart.DayNumber / 7 * Appreciations;
        return Enumerable.Range(0, Appreciations).Select(i => AppreciationPrompts[(offset + i) % AppreciationPrompts.Count]).ToList();
    }

    public static CheckInContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<CheckInContent>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return content.AppreciationPrompts.Count >= Appreciations
            ? content
            : throw new InvalidDataException($"{path} needs at least {Appreciations} appreciation prompts.");
    }
}

/// <summary>What a member wrote in one week's check-in.</summary>
public sealed record CheckInAnswers(IReadOnlyList<string> Appreciations, string WentWell, string ToTalkAbout, string FeelLoved, int Pulse);

/// <summary>
/// One partner's weekly check-in: blind reveal (both see both once both are done), editable until
/// then. Everything written and the closeness pulse are sealed together with the member's key.
/// </summary>
public sealed class CheckIn : IVisibleRecord, ISealedRecord
{
    public const int FieldMaxLength = 500;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.BlindReveal;

    public string PromptKey { get; set; } = "";

    /// <summary>The Monday of the member's week, in their own time zone.</summary>
    public DateOnly WeekStart { get; set; }

    public SealedText Answers { get; set; } = default!;

    public DateTime SubmittedAt { get; set; }

    public static string PromptFor(DateOnly weekStart) =>
        "checkin:" + weekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public SealPlace PlaceOf(string property) =>
        property == nameof(Answers)
            ? SealedPlaces.CheckInAnswers.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OwnerId, c.WeekStart }).IsUnique();
        builder.HasIndex(c => new { c.CoupleId, c.PromptKey });
        builder.Property(c => c.PromptKey).HasMaxLength(40);
        builder.Property(c => c.Answers).HasMaxLength(20000);
    }
}
