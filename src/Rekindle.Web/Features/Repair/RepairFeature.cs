using Microsoft.Extensions.Options;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.Repair;

public sealed class RepairOptions
{
    public const string Section = "Repair";

    /// <summary>The content language (Content/repair/repair.{language}.json).</summary>
    public string Language { get; set; } = "en";
}

public static class RepairFeature
{
    public static WebApplicationBuilder AddRepair(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RepairOptions>().BindConfiguration(RepairOptions.Section);
        builder.Services.AddSingleton(sp =>
            RepairContent.Load(
                Path.Combine(
                    sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
                    "Content",
                    "repair",
                    $"repair.{sp.GetRequiredService<IOptions<RepairOptions>>().Value.Language}.json"
                )
            )
        );
        builder.Services.AddScoped<RepairStore>();
        builder.Services.AddScoped<ListRepairs>();
        builder.Services.AddScoped<FindRepair>();
        builder.Services.AddScoped<CountUnresolvedRepairs>();
        builder.Services.AddScoped<OpenRepair>();
        builder.Services.AddScoped<ActOnRepair>();
        builder.Services.AddScoped<WriteRepairStep>();
        builder.Services.AddScoped<ReplyToHeard>();
        builder.Services.AddScoped<WriteRepairFollowUp>();
        builder.Services.AddScoped<LettingGoStore>();
        builder.Services.AddScoped<ListLettingGo>();
        builder.Services.AddScoped<FindLettingGo>();
        builder.Services.AddScoped<StartLettingGo>();
        builder.Services.AddScoped<SaveLettingGoStep>();
        builder.Services.AddScoped<PutAwayLettingGo>();
        builder.Services.AddScoped<DestroyLettingGo>();
        builder.Services.AddScoped<ApologyRules>();
        builder.Services.AddScoped<CheckApology>();
        builder.Services.AddScoped<SendApology>();
        builder.Services.AddScoped<ListApologies>();
        builder.Services.AddScoped<INoticeSource, RepairFollowUps>();
        builder.Services.AddScoped<IExportSection, RepairExport>();
        builder.Services.AddScoped<Home.IWaitingSource, RepairWaiting>();
        builder.Services.AddScoped<RecentlyFinishedRepair>();
        return builder;
    }

    /// <summary>Loads the content now, so a broken file stops the start rather than a member's evening.</summary>
    public static void LoadRepairContent(this WebApplication app) => app.Services.GetRequiredService<RepairContent>();
}

/// <summary>
/// The member's repairs as they see them (their own writing, and their partner's where both had
/// written the step), their letting-go exercises (theirs alone), and the apologies they sent and received.
/// </summary>
public sealed class RepairExport(
    ListRepairs repairs,
    FindRepair findRepair,
    ListLettingGo lettingGo,
    ListApologies apologies,
    RepairContent content
) : IExportSection
{
    public string Name => "repair";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var incidents = new List<object>();
        foreach (var summary in (await repairs.HandleAsync(cancellationToken)).OrderBy(r => r.OpenedAt))
        {
            var view = (await findRepair.HandleAsync(summary.Id, cancellationToken))!;
            incidents.Add(
                new
                {
                    view.Title,
                    view.OpenedAt,
                    view.CompletedAt,
                    SetAside = view.SetAside,
                    Steps = view
                        .Steps.Where(s => s.Mine is not null || s.Theirs is not null)
                        .Select(s => new
                        {
                            Step = s.Step == RepairStep.FollowUp ? "Follow-up" : content.Step(s.Step).Title,
                            You = Describe(s.Mine),
                            YourPartner = Describe(s.Theirs),
                        }),
                }
            );
        }

        var grudges = (await lettingGo.HandleAsync(cancellationToken))
            .Select(g => new
            {
                g.StartedAt,
                g.ArchivedAt,
                g.Payload.Hurt,
                g.Payload.Cost,
                g.Payload.Decision,
                g.Payload.DecisionNote,
                g.Payload.Context,
                g.Payload.Letter,
            })
            .ToList();
        var notes = (await apologies.HandleAsync(cancellationToken))
            .Select(a => new
            {
                a.SentAt,
                Sent = a.FromMe,
                a.Text.Did,
                a.Text.Effect,
                a.Text.Will,
            })
            .ToList();
        return incidents.Count == 0 && grudges.Count == 0 && notes.Count == 0
            ? null
            : new
            {
                Repairs = incidents,
                LettingGo = grudges,
                Apologies = notes,
            };
    }

    private object? Describe(EntryPayload? entry) =>
        entry is null
            ? null
            : new
            {
                Feelings = entry.Feelings.Select(content.FeelingLabel),
                entry.Text,
                entry.Second,
                entry.Choice,
            };
}
