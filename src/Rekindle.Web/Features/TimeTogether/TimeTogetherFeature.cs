using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.TimeTogether;

public static class TimeTogetherFeature
{
    public static WebApplicationBuilder AddTimeTogether(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => DateIdeaLibrary.Load(Path.Combine(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "time-together", "date-ideas.en.json")));
        builder.Services.AddScoped<IdeaRatings>();
        builder.Services.AddScoped<IExportSection, TimeTogetherExport>();
        return builder;
    }

    public static void LoadTimeTogetherContent(this WebApplication app) => app.Services.GetRequiredService<DateIdeaLibrary>();
}

/// <summary>The member's own ratings, the ideas the couple added, and the ideas both enjoy.</summary>
public sealed class TimeTogetherExport(AppDbContext db, IdeaRatings ratings, Infrastructure.Sealing.Sealer sealer) : IExportSection
{
    public string Name => "timeTogether";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var cards = (await ratings.CardsAsync(cancellationToken)).ToDictionary(c => c.Key);
        var mine = new List<object>();
        foreach (var row in await db.IdeaRatings.AsNoTracking().Where(r => r.OwnerId == memberId).ToListAsync(cancellationToken))
        {
            mine.Add(new
            {
                Idea = cards.TryGetValue(row.PromptKey, out var card) ? card.Title : row.PromptKey,
                Rating = await sealer.OpenAsync(row.Rating, row.PlaceOf(nameof(IdeaRating.Rating)), cancellationToken),
                row.RatedAt,
            });
        }

        var both = await ratings.BothEnjoyAsync(new IdeaFilter(), cancellationToken);
        return mine.Count == 0 && cards.Values.All(c => !c.Custom)
            ? null
            : new { YourRatings = mine, IdeasYouAdded = cards.Values.Where(c => c.Custom).Select(c => c.Title), YouBothWouldEnjoy = both?.Select(c => c.Title) };
    }
}
