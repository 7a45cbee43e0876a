using Microsoft.Extensions.Options;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Features.Repair;

namespace Rekindle.Web.Features.Betrayal;

public static class BetrayalFeature
{
    public static WebApplicationBuilder AddBetrayal(this WebApplicationBuilder builder)
    {
        // The content language follows repair's setting: the path lives under /repair and shares its words' language.
        builder.Services.AddSingleton(sp =>
            BetrayalContent.Load(
                Path.Combine(
                    sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
                    "Content",
                    "repair",
                    $"betrayal.{sp.GetRequiredService<IOptions<RepairOptions>>().Value.Language}.json"
                )
            )
        );
        builder.Services.AddScoped<BetrayalStore>();
        builder.Services.AddScoped<ListBetrayals>();
        builder.Services.AddScoped<FindBetrayal>();
        builder.Services.AddScoped<OpenBetrayal>();
        builder.Services.AddScoped<ActOnBetrayal>();
        builder.Services.AddScoped<IWaitingSource, BetrayalWaiting>();
        builder.Services.AddScoped<IExportSection, BetrayalExport>();
        return builder;
    }

    /// <summary>Loads the content now, so a broken file stops the start.</summary>
    public static void LoadBetrayalContent(this WebApplication app) => app.Services.GetRequiredService<BetrayalContent>();
}

/// <summary>
/// What waits on the path, in neutral words that name no betrayal (the home page can be seen over a shoulder): an invitation,
/// an acknowledgment or an answer to give, an agreement to say yes or no to. Nothing while joint work rests, as the path itself.
/// </summary>
public sealed class BetrayalWaiting(Data.AppDbContext db) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (!who.Together || who.Rest.Couple)
        {
            return [];
        }

        return
        [
            .. (await ListBetrayals.StatesAsync(db, who.CoupleId!.Value, cancellationToken))
                .Where(p => BetrayalRules.WaitsOn(p.State, who.MemberId))
                .Select(p => new WaitingItem(
                    WaitingKind.Repair,
                    Infrastructure.Localization.Text.Of("Something in Repair is waiting for you, from {0}.", who.PartnerName),
                    Infrastructure.Localization.Text.Of("Open it"),
                    "/repair/betrayal/" + p.Betrayal.Id
                )),
        ];
    }
}

/// <summary>The member's paths as they see them: their own writing (drafts and private marks too) and what the partner sent.</summary>
public sealed class BetrayalExport(ListBetrayals list, FindBetrayal find) : IExportSection
{
    public string Name => "betrayal";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var paths = new List<object>();
        foreach (var summary in (await list.HandleAsync(cancellationToken)).OrderBy(s => s.OpenedAt))
        {
            if (await find.HandleAsync(summary.Id, cancellationToken) is not { } v)
            {
                continue;
            }

            paths.Add(
                new
                {
                    v.Kind,
                    v.OpenedAt,
                    YouWereHurt = v.IAmHurt,
                    Stage = v.Stage.ToString(),
                    v.Feelings,
                    v.Acknowledgment,
                    v.MyLimits,
                    v.TheirLimits,
                    v.Questions,
                    v.Agreements,
                    v.Steps,
                }
            );
        }

        return paths.Count == 0 ? null : new { Paths = paths };
    }
}
