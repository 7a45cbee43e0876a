using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record DateIdea(
    string Id,
    string Title,
    string Description,
    string Cost,
    int Minutes,
    string Place,
    string Energy,
    string Season,
    string Category
);

/// <summary>The date ideas (Content/time-together/date-ideas.{language}.json), checked at start-up.</summary>
public sealed class DateIdeaLibrary
{
    public static readonly string[] Costs = ["free", "low", "medium", "high"];
    public static readonly string[] Places = ["home", "out"];
    public static readonly string[] Energies = ["low", "medium", "high"];
    public static readonly string[] Seasons = ["any", "spring", "summer", "autumn", "winter"];
    public static readonly string[] Categories =
    [
        "food",
        "outdoors",
        "culture",
        "creative",
        "play",
        "learning",
        "relaxing",
        "active",
        "giving",
        "nostalgia",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateIdeaLibrary(IReadOnlyList<DateIdea> ideas)
    {
        var bad = ideas
            .Where(i =>
                !Costs.Contains(i.Cost)
                || !Places.Contains(i.Place)
                || !Energies.Contains(i.Energy)
                || !Seasons.Contains(i.Season)
                || !Categories.Contains(i.Category)
                || i.Minutes <= 0
                || string.IsNullOrWhiteSpace(i.Title)
            )
            .Select(i => i.Id)
            .ToList();
        // Each member's ratings are one sealed set of fixed length, with room for the ideas a couple adds (decisions/0026).
        if (
            ideas.Count < 150
            || !AnswerSetText.Fits(ideas.Count + AnswerSetText.CoupleItemCap)
            || bad.Count > 0
            || ideas.Select(i => i.Id).Distinct().Count() != ideas.Count
        )
        {
            throw new InvalidDataException(
                $"The date ideas are not usable: {ideas.Count} ideas (150 needed, at most {AnswerSetText.Capacity - AnswerSetText.CoupleItemCap}), unknown values in {string.Join(", ", bad)}."
            );
        }

        Ideas = ideas;
        ById = ideas.ToDictionary(i => i.Id);
    }

    public IReadOnlyList<DateIdea> Ideas { get; }

    public IReadOnlyDictionary<string, DateIdea> ById { get; }

    public static DateIdeaLibrary Load(string path)
    {
        using var stream = File.OpenRead(path);
        return new DateIdeaLibrary(
            (JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.")).Ideas
        );
    }

    private sealed record FileShape(string Language, List<DateIdea> Ideas);
}

/// <summary>An idea a couple added themselves: shared by both to rate, its words sealed with the couple's key.</summary>
public sealed class CustomIdea : ISealedRecord
{
    public const int TitleMaxLength = 80;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AddedBy { get; set; }

    public SealedText Title { get; set; } = default!;

    public string Place { get; set; } = "home";

    public string Cost { get; set; } = "free";

    public DateTime AddedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Title)
            ? SealedPlaces.CustomIdeaTitle.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class DateIdeaConfiguration : IEntityTypeConfiguration<CustomIdea>
{
    public void Configure(EntityTypeBuilder<CustomIdea> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(i => i.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.AddedBy).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Title).HasMaxLength(600);
        builder.Property(i => i.Place).HasMaxLength(10);
        builder.Property(i => i.Cost).HasMaxLength(10);
    }
}
