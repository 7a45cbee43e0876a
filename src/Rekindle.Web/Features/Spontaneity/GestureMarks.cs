using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// Before decisions/0026: one member's private mark on one gesture, one row each. Marks now live in
/// the member's <see cref="AnswerSet"/>; the start-up conversion moves any rows left here into it.
/// </summary>
public sealed class GestureMark : ILegacyAnswer
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.MutualOnly;

    /// <summary>The gesture's library id ("g012").</summary>
    public string PromptKey { get; set; } = "";

    /// <summary>"love" or "no", sealed.</summary>
    public SealedText Mark { get; set; } = default!;

    public DateTime MarkedAt { get; set; }

    SealedText ILegacyAnswer.Sealed => Mark;

    string ILegacyAnswer.SealedProperty => nameof(Mark);

    DateTime? ILegacyAnswer.AnsweredAt => MarkedAt;

    public SealPlace PlaceOf(string property) => property == nameof(Mark)
        ? SealedPlaces.GestureMarkMark.At(Id, KeyOwner.Member(OwnerId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class GestureMarkConfiguration : IEntityTypeConfiguration<GestureMark>
{
    public void Configure(EntityTypeBuilder<GestureMark> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(m => m.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OwnerId, m.CoupleId, m.PromptKey }).IsUnique();
        builder.Property(m => m.PromptKey).HasMaxLength(20);
        builder.Property(m => m.Mark).HasMaxLength(200);
    }
}

public sealed record MarkedGesture(Gesture Gesture, string? MyMark);

public sealed record GesturePage(IReadOnlyList<MarkedGesture> Gestures, int Page, bool HasMore, int Marked, int Total);

public sealed record ExportedMark(string Gesture, string? Mark, DateTime MarkedAt);

/// <summary>What the giver sees today: hints from the partner's loved gestures (none without a partner), and one surprise (null when nothing fits).</summary>
public sealed record GiverView(bool HasPartner, IReadOnlyList<Gesture> Hints, SurprisePick? Surprise);

/// <summary>
/// The member's own marks, and what the giver may learn from the partner's: only which gestures
/// they would love, a few at a time. The partner's marks are always read as their whole sealed set
/// of fixed length, so what is shown, and the work done, depend on the loved ones alone (TRUST.md T3, T17).
/// </summary>
public sealed class GestureMarks(CurrentMember current, GestureLibrary library, PrivateAnswers answers, Preferences preferences, TimeProvider clock)
{
    public const int PageSize = 20;

    public static readonly string[] Marks = ["love", "no"];

    public async Task<GesturePage> ListAsync(GestureFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var mine = await MarksOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var kept = library.Gestures.Where(filter.Keeps).Where(g => !filter.UnmarkedOnly || !mine.ContainsKey(g.Id)).ToList();
        var shown = kept.Skip((page - 1) * PageSize).Take(PageSize).Select(g => new MarkedGesture(g, mine.GetValueOrDefault(g.Id))).ToList();
        return new GesturePage(shown, page, kept.Count > page * PageSize, mine.Count(m => library.ById.ContainsKey(m.Key)), library.Gestures.Count);
    }

    public async Task<GiverView> ForGiverAsync(SurpriseConstraints constraints, int another, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var slot = (await current.MembershipAsync(cancellationToken))?.Slot ?? 0;
        var zone = (await preferences.MineAsync(cancellationToken)).Zone();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var loves = partnerId is { } id ? await LovedByAsync(id, viewer.CoupleId, cancellationToken) : new HashSet<string>();
        return new GiverView(
            partnerId is not null,
            SurprisePicker.Hints(library.Gestures, loves, day, slot),
            SurprisePicker.Pick(library.Gestures, loves, constraints, day, slot, another));
    }

    public async Task<Outcome<bool>> MarkAsync(string? gestureId, string? mark, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return Outcome<bool>.Fail(Text.Of("Gestures are marked inside your couple space. Start one first."));
        }

        if (gestureId is null || !library.ById.ContainsKey(gestureId))
        {
            return Outcome<bool>.Fail(Text.Of("That gesture isn't in the list."));
        }

        if (mark is null || (mark != "clear" && !Marks.Contains(mark)))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose \"I'd love this\" or \"Not for me\"."));
        }

        return await answers.SaveAsync(viewer, AnswerList.Gestures, gestureId, mark, clock.GetUtcNow().UtcDateTime,
            "That mark was saved from another window at the same moment. Please look again.", cancellationToken);
    }

    /// <summary>Every mark the member made, in any couple they were in, for their export.</summary>
    public async Task<List<ExportedMark>> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        return (await answers.ExportAsync(AnswerList.Gestures, memberId, cancellationToken))
            .Select(m => new ExportedMark(library.ById.TryGetValue(m.Key, out var g) ? g.Title : m.Key, m.Value.Value, m.Value.At ?? default))
            .ToList();
    }

    private Task<Dictionary<string, string>> MarksOfAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        answers.ReadAsync(AnswerList.Gestures, memberId, coupleId, cancellationToken);

    private async Task<HashSet<string>> LovedByAsync(Guid partnerId, Guid? coupleId, CancellationToken cancellationToken) =>
        (await MarksOfAsync(partnerId, coupleId, cancellationToken)).Where(m => m.Value == "love").Select(m => m.Key).ToHashSet();
}
