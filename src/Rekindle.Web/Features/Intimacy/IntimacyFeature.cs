using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Intimacy;

public static class IntimacyFeature
{
    public static WebApplicationBuilder AddIntimacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntimacyOptions>().BindConfiguration(IntimacyOptions.Section);
        builder.Services.AddSingleton(sp =>
            IntimacyContent.Load(
                Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "intimacy"),
                sp.GetRequiredService<IOptions<IntimacyOptions>>().Value.ResourcesFile
            )
        );
        builder.Services.AddScoped<DesireStore>();
        builder.Services.AddScoped<TurnIntimacyOn>();
        builder.Services.AddScoped<TurnIntimacyOff>();
        builder.Services.AddScoped<GetDesireAnswers>();
        builder.Services.AddScoped<AnswerDesire>();
        builder.Services.AddScoped<AddDesireItem>();
        builder.Services.AddScoped<GetDesireMatches>();
        builder.Services.AddScoped<SetCheckInFirst>();
        builder.Services.AddScoped<TouchProgramStore>();
        builder.Services.AddScoped<GetTouchProgram>();
        builder.Services.AddScoped<MarkStageReady>();
        builder.Services.AddScoped<LogTouchSession>();
        builder.Services.AddScoped<IExportSection, IntimacyExport>();
        return builder;
    }

    public static void LoadIntimacyContent(this WebApplication app) => app.Services.GetRequiredService<IntimacyContent>();
}

/// <summary>The member's own answers and session log, the items the couple added, and what both chose (only when both are in).</summary>
public sealed class IntimacyExport(
    AppDbContext db,
    DesireStore desires,
    GetDesireMatches getMatches,
    GetTouchProgram program,
    IntimacyContent content
) : IExportSection
{
    public string Name => "intimacy";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var mine = await desires.MyAnswersAsync(cancellationToken);
        var cards = (await desires.CardsAsync(mine, cancellationToken)).ToDictionary(c => c.Key);
        var matches = await getMatches.HandleAsync(cancellationToken);
        var view = await program.HandleAsync(cancellationToken);
        var ready = await db
            .StageReadies.AsNoTracking()
            .Where(r => r.OwnerId == memberId)
            .OrderBy(r => r.Stage)
            .Select(r => new { r.Stage, r.ReadyAt })
            .ToListAsync(cancellationToken);
        var on = (await desires.AccessAsync(cancellationToken)).MeIn;
        return !on && mine.Count == 0 && view is null
            ? null
            : new
            {
                TurnedOn = on,
                YourAnswers = mine.Select(a => new { Item = cards.TryGetValue(a.Key, out var card) ? card.Text : a.Key, Answer = a.Value }),
                ItemsYourCoupleAdded = cards.Values.Where(c => c.Custom).Select(c => c.Text),
                YouBothChose = matches.Select(m => new
                {
                    m.Item.Text,
                    Kind = m.Kind.ToString(),
                    m.CheckInFirst,
                }),
                TouchProgram = view is null
                    ? null
                    : new
                    {
                        Stage = view.Finished ? "finished" : content.Stages[view.Stage].Title,
                        YouMarkedReady = ready.Select(r => new
                        {
                            Stage = r.Stage < content.Stages.Count
                                ? content.Stages[r.Stage].Title
                                : r.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            r.ReadyAt,
                        }),
                        YourSessions = view.MyLogs,
                    },
            };
    }
}
