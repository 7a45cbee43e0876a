using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
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

public sealed record DesireCard(string Key, string Category, string Text, string? Explanation, bool Custom, string? MyAnswer, string? SafetyNote = null);

public sealed record AnswerPage(DesireCategory Category, IReadOnlyList<DesireCard> Items, int KeptAway, int Answered, int Total);

public sealed record MatchView(DesireCard Item, MatchKind Kind, bool CheckInFirst);

/// <summary>The desire and boundary list: opting in and out, private answers, items a couple adds, and the mutual matches.</summary>
public sealed class Desires(AppDbContext db, CurrentMember current, IntimacyContent content, Resting resting, Sealer sealer, PrivateAnswers answers, TimeProvider clock)
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

    /// <summary>Turns the area on (only with the adult confirmation) or off; off can also delete every answer the member gave.</summary>
    public async Task<Outcome<bool>> SetOptInAsync(bool on, bool adultConfirmed, bool deleteAnswers, CancellationToken cancellationToken = default)
    {
        if (on && (await resting.StateAsync(cancellationToken)).Mine)
        {
            return Outcome<bool>.Fail(Text.Of(RestingNote));
        }

        if (on && !adultConfirmed)
        {
            return Outcome<bool>.Fail(Text.Of("Please confirm that you are an adult and want to turn this on."));
        }

        var memberId = current.RequiredMemberId;
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = memberId };
            db.MemberPreferences.Add(row);
        }

        row.IntimacyOptIn = on;
        await db.SaveChangesAsync(cancellationToken);
        if (!on && deleteAnswers)
        {
            // The sets stay, blank: reading them stays the same work (decisions/0026).
            await answers.ClearAllAsync(AnswerList.Desires, memberId, cancellationToken);
            await db.TouchLogs.Where(l => l.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }

    /// <summary>Every item of the list and the couple's own, in list order (the couple's own at the end of their category).</summary>
    public async Task<List<DesireCard>> CardsAsync(IReadOnlyDictionary<string, string>? mine, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        // Items a couple adds reach a member only while that member is in: otherwise they would tell an
        // opted-out member that the partner is in, and what they added (export included; decisions/0025).
        var custom = viewer.CoupleId is null || !await OptedInAsync(viewer.MemberId, cancellationToken) ? [] : await db.CustomDesires.AsNoTracking().Where(d => d.CoupleId == viewer.CoupleId).OrderBy(d => d.AddedAt).ToListAsync(cancellationToken);
        var cards = new List<DesireCard>();
        foreach (var category in content.Categories)
        {
            cards.AddRange(content.Items.Where(i => i.Category == category.Key).Select(i => new DesireCard(i.Id, i.Category, i.Text, i.Explanation, false, mine?.GetValueOrDefault(i.Id), i.SafetyNote)));
            foreach (var own in custom.Where(d => d.Category == category.Key))
            {
                var key = "custom:" + own.Id.ToString("N");
                cards.Add(new DesireCard(key, own.Category, await sealer.OpenAsync(own.Text, own.PlaceOf(nameof(CustomDesire.Text)), cancellationToken) ?? "", null, true, mine?.GetValueOrDefault(key)));
            }
        }

        return cards;
    }

    public async Task<AnswerPage?> PageAsync(string? category, bool showKeptAway, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var chosen = content.Categories.FirstOrDefault(c => c.Key == category) ?? content.Categories[0];
        var mine = await AnswersOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var cards = await CardsAsync(mine, cancellationToken);
        var keptAway = DesireRules.KeptAway(content.Items, mine);
        var inCategory = cards.Where(c => c.Category == chosen.Key).ToList();
        var shown = showKeptAway ? inCategory : inCategory.Where(c => !keptAway.Contains(c.Key)).ToList();
        return new AnswerPage(chosen, shown, inCategory.Count - shown.Count, cards.Count(c => c.MyAnswer is not null), cards.Count);
    }

    public async Task<Outcome<bool>> AnswerAsync(string? key, string? answer, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (!await OptedInAsync(viewer.MemberId, cancellationToken))
        {
            return Outcome<bool>.Fail(Text.Of("Intimacy is turned off for you. Turn it on first."));
        }

        if ((await resting.StateAsync(cancellationToken)).Mine)
        {
            return Outcome<bool>.Fail(Text.Of(RestingNote));
        }

        if (viewer.CoupleId is not { } coupleId)
        {
            return Outcome<bool>.Fail(Text.Of("Answers belong to your couple space. Start one first."));
        }

        if (key is null || !(await CardsAsync(null, cancellationToken)).Any(c => c.Key == key))
        {
            return Outcome<bool>.Fail(Text.Of("That item isn't on your list."));
        }

        if (answer is null || (answer != "clear" && !DesireRules.Answers.Contains(answer)))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose yes, maybe, let's talk first, no, or firm limit."));
        }

        // No time is kept: an answer has no visible history.
        return await answers.SaveAsync(viewer with { CoupleId = coupleId }, AnswerList.Desires, key, answer, null,
            "That answer was saved from another window at the same moment. Please look again.", cancellationToken);
    }

    public async Task<Outcome<bool>> AddCustomAsync(string? text, string? category, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (!await OptedInAsync(viewer.MemberId, cancellationToken) || viewer.CoupleId is not { } coupleId)
        {
            return Outcome<bool>.Fail(Text.Of("Items are added inside your couple space, with intimacy turned on."));
        }

        if ((await resting.StateAsync(cancellationToken)).Mine)
        {
            return Outcome<bool>.Fail(Text.Of(RestingNote));
        }

        if (await db.CustomDesires.CountAsync(d => d.CoupleId == coupleId, cancellationToken) >= AnswerSetText.CoupleItemCap)
        {
            return Outcome<bool>.Fail(Text.Of("Your list has room for 100 items of your own, and it is full."));
        }

        var words = text?.Trim() ?? "";
        if (Talk.TalkText.Problem(words, CustomDesire.TextMaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(words.Length == 0 ? Text.Of("Write the item first, in a few words.") : problem);
        }

        if (content.Categories.All(c => c.Key != category))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose where it belongs."));
        }

        var item = new CustomDesire { Id = Guid.NewGuid(), CoupleId = coupleId, AddedBy = viewer.MemberId, Category = category!, AddedAt = clock.GetUtcNow().UtcDateTime };
        item.Text = await sealer.SealAsync(words, item.PlaceOf(nameof(CustomDesire.Text)), cancellationToken);
        db.CustomDesires.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>What both marked yes or maybe, in list order; empty unless both opted in. Both partners always see the same list.</summary>
    public async Task<IReadOnlyList<MatchView>> MatchesAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var access = await AccessAsync(cancellationToken);
        if (!access.BothIn || viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return [];
        }

        // Both partners' sets are read whole, every time: one row and one value of fixed length each, so
        // the work done never depends on what, or how much, the partner answered (TRUST.md T17).
        var mine = await AnswersOfAsync(viewer.MemberId, coupleId, cancellationToken);
        var theirs = await AnswersOfAsync(partnerId, coupleId, cancellationToken);
        var cards = await CardsAsync(mine, cancellationToken);
        var flags = (await db.CheckInFirsts.AsNoTracking().Where(f => f.CoupleId == coupleId).Select(f => f.ItemKey).ToListAsync(cancellationToken)).ToHashSet();
        var byKey = cards.ToDictionary(c => c.Key);
        return DesireRules.Matches(cards.Select(c => c.Key), mine, theirs, bothOptedIn: true)
            .Select(m => new MatchView(byKey[m.Key] with { MyAnswer = null }, m.Kind, flags.Contains(m.Key)))
            .ToList();
    }

    /// <summary>Sets or clears "check in first" on an item that is a match now.</summary>
    public async Task<Outcome<bool>> CheckInFirstAsync(string? key, bool on, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (key is null || viewer.CoupleId is not { } coupleId || (await MatchesAsync(cancellationToken)).All(m => m.Item.Key != key))
        {
            return Outcome<bool>.Fail(Text.Of("That item is not one you both chose."));
        }

        var existing = await db.CheckInFirsts.FirstOrDefaultAsync(f => f.CoupleId == coupleId && f.ItemKey == key, cancellationToken);
        if (on && existing is null)
        {
            db.CheckInFirsts.Add(new CheckInFirst { Id = Guid.NewGuid(), CoupleId = coupleId, ItemKey = key, SetAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!on && existing is not null)
        {
            db.CheckInFirsts.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Set from the other partner's window at the same moment: it is set, which is what was asked.
        }

        return Outcome<bool>.Ok(true);
    }

    public async Task<Dictionary<string, string>> MyAnswersAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        return await AnswersOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
    }

    private async Task<bool> OptedInAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.MemberPreferences.AsNoTracking().AnyAsync(p => p.MemberId == memberId && p.IntimacyOptIn, cancellationToken);

    private Task<Dictionary<string, string>> AnswersOfAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        answers.ReadAsync(AnswerList.Desires, memberId, coupleId, cancellationToken);
}
