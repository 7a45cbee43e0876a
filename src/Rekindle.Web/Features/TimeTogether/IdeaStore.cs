using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Filters a person can set; null means any.</summary>
public sealed record IdeaFilter(
    string? Cost = null,
    string? Place = null,
    string? Energy = null,
    int? MaxMinutes = null,
    string? Season = null,
    string? Category = null,
    bool UnratedOnly = false
)
{
    /// <summary>From query text: anything unknown is simply no filter.</summary>
    public static IdeaFilter From(
        string? cost,
        string? place,
        string? energy,
        string? minutes,
        string? season,
        string? category,
        string? unrated
    ) =>
        new(
            DateIdeaLibrary.Costs.Contains(cost) ? cost : null,
            DateIdeaLibrary.Places.Contains(place) ? place : null,
            DateIdeaLibrary.Energies.Contains(energy) ? energy : null,
            int.TryParse(minutes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            && m is > 0 and <= 1440
                ? m
                : null,
            DateIdeaLibrary.Seasons.Contains(season) ? season : null,
            DateIdeaLibrary.Categories.Contains(category) ? category : null,
            unrated == "1"
        );

    public bool Keeps(IdeaCard idea) =>
        (Cost is null || idea.Cost == Cost)
        && (Place is null || idea.Place == Place)
        && (Energy is null || idea.Energy is null || idea.Energy == Energy)
        && (MaxMinutes is null || idea.Minutes is null || idea.Minutes <= MaxMinutes)
        && (Season is null || idea.Season is null || idea.Season == Season || idea.Season == "any")
        && (Category is null || idea.Category is null || idea.Category == Category);
}

/// <summary>One idea as a card: a library idea or one the couple added.</summary>
public sealed record IdeaCard(
    string Key,
    string Title,
    string? Description,
    string Cost,
    string Place,
    string? Energy,
    int? Minutes,
    string? Season,
    string? Category,
    bool Custom
);

/// <summary>
/// What the idea use cases share: the couple's cards (their own ideas, then the library) and a member's
/// private ratings, read always as their whole sealed set of fixed length (docs/TRUST.md T3, T17).
/// </summary>
public sealed class IdeaStore(AppDbContext db, CurrentMember current, DateIdeaLibrary library, Sealer sealer, PrivateAnswers answers)
{
    public const int PageSize = 20;

    public static readonly string[] Ratings = ["love", "like", "no"];

    /// <summary>The couple's own ideas first (newest first), then the library in its order.</summary>
    public async Task<List<IdeaCard>> CardsAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var cards = new List<IdeaCard>();
        var custom = await db
            .CustomIdeas.AsNoTracking()
            .Where(i => i.CoupleId == viewer.CoupleId)
            .OrderByDescending(i => i.AddedAt)
            .ToListAsync(cancellationToken);
        foreach (var idea in custom)
        {
            var title = await sealer.OpenAsync(idea.Title, idea.PlaceOf(nameof(CustomIdea.Title)), cancellationToken) ?? "";
            cards.Add(Card(idea, title));
        }

        cards.AddRange(
            library.Ideas.Select(i => new IdeaCard(
                i.Id,
                i.Title,
                i.Description,
                i.Cost,
                i.Place,
                i.Energy,
                i.Minutes,
                i.Season,
                i.Category,
                false
            ))
        );
        return cards;
    }

    public static IdeaCard Card(CustomIdea idea, string title) =>
        new("custom:" + idea.Id.ToString("N"), title, null, idea.Cost, idea.Place, null, null, null, null, true);

    public Task<Dictionary<string, string>> RatingsOfAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        answers.ReadAsync(AnswerList.Ideas, memberId, coupleId, cancellationToken);

    /// <summary>Every rating the member gave, with when, in any couple they have ratings in: for their export.</summary>
    public Task<List<KeyValuePair<string, AnswerEntry>>> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        answers.ExportAsync(AnswerList.Ideas, memberId, cancellationToken);
}
