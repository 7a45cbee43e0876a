using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>
/// Whether the intimacy pages open for the signed-in member. <see cref="BothIn"/> is only ever
/// computed for a member who opted in themselves: one who has not learns nothing of the partner.
/// <see cref="Resting"/>: the member's own exercises for two rest (their safety concern or their own
/// pause): nothing intimate is shown or asked. <see cref="PartnerAway"/>: the partner rests, for a
/// reason never told; the shared parts close exactly as if they had paused (decisions/0027).
/// </summary>
public sealed record IntimacyAccess(bool MeIn, bool InCouple, bool BothIn, bool Resting = false, bool PartnerAway = false)
{
    /// <summary>The answers, the couple's own items and the books open for the member: in, and not resting.</summary>
    public bool Open => MeIn && !Resting;
}

public sealed record DesireCard(
    string Key,
    string Category,
    string Text,
    string? Explanation,
    bool Custom,
    string? MyAnswer,
    string? SafetyNote = null
);

/// <summary>
/// What the desire use cases share, with no use case of its own (decisions/0032): who is in, the list's
/// cards, and the members' answers, read only as each member's whole sealed answer set (decisions/0026).
/// </summary>
public sealed class DesireStore(
    AppDbContext db,
    CurrentMember current,
    IntimacyContent content,
    Resting resting,
    Sealer sealer,
    PrivateAnswers answers
)
{
    public const string RestingNote = "Intimacy is resting for now. Support comes first.";

    public async Task<IntimacyAccess> AccessAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var meIn = await OptedInAsync(viewer.MemberId, cancellationToken);
        var rest = await resting.StateAsync(cancellationToken);
        if (!meIn || viewer.CoupleId is null)
        {
            return new IntimacyAccess(meIn, viewer.CoupleId is not null, false, rest.Mine);
        }

        // The partner's switch is read either way, so the work does not change with a rest.
        var partner = await current.PartnerIdAsync(cancellationToken);
        var partnerIn = partner is { } p && await OptedInAsync(p, cancellationToken);
        return new IntimacyAccess(true, true, partnerIn && !rest.Couple, rest.Mine, rest.PartnerAway);
    }

    /// <summary>Every item of the list and the couple's own, in list order (the couple's own at the end of their category).</summary>
    public async Task<List<DesireCard>> CardsAsync(IReadOnlyDictionary<string, string>? mine, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        // Items a couple adds reach a member only while that member is in: otherwise they would tell an
        // opted-out member that the partner is in, and what they added (export included; decisions/0025).
        var custom =
            viewer.CoupleId is null || !await OptedInAsync(viewer.MemberId, cancellationToken)
                ? []
                : await db
                    .CustomDesires.AsNoTracking()
                    .Where(d => d.CoupleId == viewer.CoupleId)
                    .OrderBy(d => d.AddedAt)
                    .ToListAsync(cancellationToken);
        var cards = new List<DesireCard>();
        foreach (var category in content.Categories)
        {
            cards.AddRange(
                content
                    .Items.Where(i => i.Category == category.Key)
                    .Select(i => new DesireCard(
                        i.Id,
                        i.Category,
                        i.Text,
                        i.Explanation,
                        false,
                        mine?.GetValueOrDefault(i.Id),
                        i.SafetyNote
                    ))
            );
            foreach (var own in custom.Where(d => d.Category == category.Key))
            {
                var key = "custom:" + own.Id.ToString("N");
                cards.Add(
                    new DesireCard(
                        key,
                        own.Category,
                        await sealer.OpenAsync(own.Text, own.PlaceOf(nameof(CustomDesire.Text)), cancellationToken) ?? "",
                        null,
                        true,
                        mine?.GetValueOrDefault(key)
                    )
                );
            }
        }

        return cards;
    }

    public async Task<Dictionary<string, string>> MyAnswersAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        return await AnswersOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
    }

    /// <summary>A member's answers in a couple: their whole sealed set, read the same way whatever it holds (decisions/0026).</summary>
    public Task<Dictionary<string, string>> AnswersOfAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        answers.ReadAsync(AnswerList.Desires, memberId, coupleId, cancellationToken);

    public async Task<bool> OptedInAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.MemberPreferences.AsNoTracking().AnyAsync(p => p.MemberId == memberId && p.IntimacyOptIn, cancellationToken);
}
