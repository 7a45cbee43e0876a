using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// A question a couple wrote for their own rotation (decisions/0042): either partner adds one, both read it, its words
/// sealed with the couple's key. Taken out of the rotation ("retired"), it stays while a past day still shows it;
/// one never asked is deleted outright.
/// </summary>
public sealed class CoupleQuestion : ISealedRecord
{
    public const int TextMaxLength = 200;

    /// <summary>Questions in a couple's rotation at once.</summary>
    public const int PerCouple = 100;

    /// <summary>How <see cref="DailyQuestion.QuestionId"/> names one of these.</summary>
    public const string IdPrefix = "own:";

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AuthorId { get; set; }

    public SealedText Text { get; set; } = default!;

    public DateTime CreatedAt { get; set; }

    /// <summary>When it left the rotation; null while it is in it.</summary>
    public DateTime? RetiredAt { get; set; }

    public static string IdFor(Guid id) => IdPrefix + id.ToString("N");

    /// <summary>The own question a day's question id names, if it names one.</summary>
    public static Guid? FromQuestionId(string questionId) =>
        questionId.StartsWith(IdPrefix, StringComparison.Ordinal) && Guid.TryParseExact(questionId[IdPrefix.Length..], "N", out var id)
            ? id
            : null;

    public SealPlace PlaceOf(string property) =>
        property == nameof(Text)
            ? SealedPlaces.CoupleQuestionText.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>
/// A kind of question one member muted (an area or a root cause, <see cref="QuestionKinds"/>): left out of the couple's
/// draw. The member's own setting: never shown to the partner, in the member's export.
/// </summary>
public sealed class QuestionMute
{
    public Guid MemberId { get; set; }

    public string Kind { get; set; } = "";

    public DateTime MutedAt { get; set; }
}

/// <summary>The kinds of question a member can mute, with their plain names: the root causes and the areas (one key each).</summary>
public static class QuestionKinds
{
    /// <summary>Every kind, in the order the page lists them: root causes first, then the areas that are not also one.</summary>
    public static IReadOnlyList<string> All { get; } =
        Guided.Lessons.RootCauseKeys.Concat(Guided.Lessons.Areas.Where(a => !Guided.Lessons.RootCauseKeys.Contains(a))).ToList();

    public static bool Known(string? kind) => kind is not null && All.Contains(kind);

    /// <summary>The kind's plain name, in the request's language.</summary>
    public static string Name(string kind) =>
        kind switch
        {
            "work-stress" => Text.Of("Work and stress"),
            "money" => Text.Of("Money"),
            "personal-problems" => Text.Of("Worries, health and family"),
            "communication" => Text.Of("How we talk and listen"),
            "time-together" => Text.Of("Time together"),
            "health-and-desire" => Text.Of("Health, desire and closeness"),
            "unresolved-conflict" => Text.Of("Old arguments and hurts"),
            "understand" => Text.Of("Getting to know each other"),
            "talk" => Text.Of("Everyday talk"),
            "self-care" => Text.Of("Looking after yourself"),
            "support" => Text.Of("Supporting each other"),
            "spontaneity" => Text.Of("Surprises and fun"),
            QuestionBank.IntimacyArea => Text.Of("Sex and intimacy"),
            "repair" => Text.Of("Making up after a hurt"),
            _ => kind,
        };
}

internal sealed class CoupleQuestionConfiguration : IEntityTypeConfiguration<CoupleQuestion>, IEntityTypeConfiguration<QuestionMute>
{
    public void Configure(EntityTypeBuilder<CoupleQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(q => q.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.CoupleId, q.RetiredAt });
        // Room for 200 characters of up to 4 bytes each in their envelope, in base64.
        builder.Property(q => q.Text).HasMaxLength(1300);
    }

    public void Configure(EntityTypeBuilder<QuestionMute> builder)
    {
        builder.HasKey(m => new { m.MemberId, m.Kind });
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Kind).HasMaxLength(40);
    }
}
