using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Filters a person can set; null means any.</summary>
public sealed record IdeaFilter(string? Cost = null, string? Place = null, string? Energy = null, int? MaxMinutes = null, string? Season = null, string? Category = null, bool UnratedOnly = false)
{
    /// <summary>From query text: anything unknown is simply no filter.</summary>
    public static IdeaFilter From(string? cost, string? place, string? energy, string? minutes, string? season, string? category, string? unrated) => new(
        DateIdeaLibrary.Costs.Contains(cost) ? cost : null,
        DateIdeaLibrary.Places.Contains(place) ? place : null,
        DateIdeaLibrary.Energies.Contains(energy) ? energy : null,
        int.TryParse(minutes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 1440 ? m : null,
        DateIdeaLibrary.Seasons.Contains(season) ? season : null,
        DateIdeaLibrary.Categories.Contains(category) ? category : null,
        unrated == "1");

    public bool Keeps(IdeaCard idea) =>
        (Cost is null || idea.Cost == Cost) && (Place is null || idea.Place == Place)
        && (Energy is null || idea.Energy is null || idea.Energy == Energy)
        && (MaxMinutes is null || idea.Minutes is null || idea.Minutes <= MaxMinutes)
        && (Season is null || idea.Season is null || idea.Season == Season || idea.Season == "any")
        && (Category is null || idea.Category is null || idea.Category == Category);
}

/// <summary>One idea as a card: a library idea or one the couple added.</summary>
public sealed record IdeaCard(string Key, string Title, string? Description, string Cost, string Place, string? Energy, int? Minutes, string? Season, string? Category, bool Custom);

public sealed record RatedIdea(IdeaCard Idea, string? MyRating);

public sealed record IdeaPage(IReadOnlyList<RatedIdea> Ideas, int Page, bool HasMore, int Rated, int Total);

/// <summary>
/// Private ratings of date ideas, and the one thing the couple sees of them: the ideas both loved
/// or liked. The partner's ratings are read only to compute <see cref="Mutual.Only"/>, always as their
/// whole sealed set of fixed length, so the list's size and the work done depend on mutual matches
/// alone (TRUST.md T3, T17).
/// </summary>
public sealed class IdeaRatings(AppDbContext db, CurrentMember current, DateIdeaLibrary library, Sealer sealer, PrivateAnswers answers, TimeProvider clock)
{
    public const int PageSize = 20;

    public static readonly string[] Ratings = ["love", "like", "no"];

    public async Task<List<IdeaCard>> CardsAsync(CancellationToken cancellationToken = default)
    {
        // The couple's own ideas first (newest first), then the library in its order.
        var viewer = await current.ViewerAsync(cancellationToken);
        var cards = new List<IdeaCard>();
        var custom = await db.CustomIdeas.AsNoTracking().Where(i => i.CoupleId == viewer.CoupleId).OrderByDescending(i => i.AddedAt).ToListAsync(cancellationToken);
        foreach (var idea in custom)
        {
            var title = await sealer.OpenAsync(idea.Title, idea.PlaceOf(nameof(CustomIdea.Title)), cancellationToken) ?? "";
            cards.Add(new IdeaCard("custom:" + idea.Id.ToString("N"), title, null, idea.Cost, idea.Place, null, null, null, null, true));
        }

        cards.AddRange(library.Ideas.Select(i => new IdeaCard(i.Id, i.Title, i.Description, i.Cost, i.Place, i.Energy, i.Minutes, i.Season, i.Category, false)));
        return cards;
    }

    public async Task<IdeaPage> ListAsync(IdeaFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var mine = await RatingsOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var cards = await CardsAsync(cancellationToken);
        var kept = cards.Where(filter.Keeps).Where(c => !filter.UnratedOnly || !mine.ContainsKey(c.Key)).ToList();
        var shown = kept.Skip((page - 1) * PageSize).Take(PageSize).Select(c => new RatedIdea(c, mine.GetValueOrDefault(c.Key))).ToList();
        return new IdeaPage(shown, page, kept.Count > page * PageSize, mine.Count(r => cards.Any(c => c.Key == r.Key)), cards.Count);
    }

    /// <summary>The ideas both partners loved or liked, in the library's order. Nothing else about the partner's ratings.</summary>
    public async Task<IReadOnlyList<IdeaCard>?> BothEnjoyAsync(IdeaFilter filter, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return null;
        }

        var cards = await CardsAsync(cancellationToken);
        var mine = await RatingsOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var theirs = await RatingsOfAsync(partnerId, viewer.CoupleId, cancellationToken);
        var both = Mutual.Only(cards.Select(c => c.Key), AsAnswers(mine), AsAnswers(theirs)).ToHashSet();
        return cards.Where(c => both.Contains(c.Key) && filter.Keeps(c)).ToList();
    }

    public async Task<Outcome<bool>> RateAsync(string? key, string? rating, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return Outcome<bool>.Fail(Text.Of("Ideas are rated inside your couple space. Start one first."));
        }

        if (key is null || !(await CardsAsync(cancellationToken)).Any(c => c.Key == key))
        {
            return Outcome<bool>.Fail(Text.Of("That idea isn't in your list."));
        }

        if (rating is null || (rating != "clear" && !Ratings.Contains(rating)))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose love, like or not for me."));
        }

        return await answers.SaveAsync(viewer, AnswerList.Ideas, key, rating, clock.GetUtcNow().UtcDateTime,
            "That rating was saved from another window at the same moment. Please look again.", cancellationToken);
    }

    public async Task<Outcome<bool>> AddCustomAsync(string? title, string? place, string? cost, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var text = title?.Trim() ?? "";
        if (viewer.CoupleId is not { } coupleId)
        {
            return Outcome<bool>.Fail(Text.Of("Ideas are added inside your couple space. Start one first."));
        }

        if (await db.CustomIdeas.CountAsync(i => i.CoupleId == coupleId, cancellationToken) >= AnswerSetText.CoupleItemCap)
        {
            return Outcome<bool>.Fail(Text.Of("Your list has room for 100 ideas of your own, and it is full."));
        }

        if (Talk.TalkText.Problem(text, CustomIdea.TitleMaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(problem == "Write something first, or pass on this one." ? Text.Of("Give your idea a short name.") : problem);
        }

        var idea = new CustomIdea
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            AddedBy = viewer.MemberId,
            Place = DateIdeaLibrary.Places.Contains(place) ? place! : "home",
            Cost = DateIdeaLibrary.Costs.Contains(cost) ? cost! : "free",
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        idea.Title = await sealer.SealAsync(text, idea.PlaceOf(nameof(CustomIdea.Title)), cancellationToken);
        db.CustomIdeas.Add(idea);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private Task<Dictionary<string, string>> RatingsOfAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        answers.ReadAsync(AnswerList.Ideas, memberId, coupleId, cancellationToken);

    /// <summary>Every rating the member gave, with when, in any couple they have ratings in: for their export.</summary>
    public Task<List<KeyValuePair<string, AnswerEntry>>> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        answers.ExportAsync(AnswerList.Ideas, memberId, cancellationToken);

    private static Dictionary<string, Mutual.Answer> AsAnswers(Dictionary<string, string> ratings) =>
        ratings.ToDictionary(r => r.Key, r => r.Value switch { "love" => Mutual.Answer.Yes, "like" => Mutual.Answer.Maybe, _ => Mutual.Answer.No });
}
