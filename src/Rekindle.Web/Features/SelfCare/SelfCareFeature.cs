using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.SelfCare;

public static class SelfCareFeature
{
    public static WebApplicationBuilder AddSelfCare(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SelfCareStore>();
        builder.Services.AddScoped<ViewSelfCare>();
        builder.Services.AddScoped<LogSelfCareDay>();
        builder.Services.AddScoped<AddSelfCareGoal>();
        builder.Services.AddScoped<RemoveSelfCareGoal>();
        builder.Services.AddScoped<ShareSelfCareWeek>();
        builder.Services.AddScoped<IExportSection, SelfCareExport>();
        return builder;
    }
}

/// <summary>Every day the member logged, their goals, and the lines they shared.</summary>
public sealed class SelfCareExport(AppDbContext db, SelfCareStore store, ViewSelfCare viewSelfCare, Infrastructure.Sealing.Sealer sealer)
    : IExportSection
{
    public string Name => "selfCare";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var days = await store.DaysAsync(memberId, DateOnly.MinValue, cancellationToken);
        var view = await viewSelfCare.HandleAsync(null, cancellationToken);
        var shared = new List<object>();
        foreach (
            var row in await db
                .SelfCareShares.AsNoTracking()
                .Where(s => s.OwnerId == memberId)
                .OrderBy(s => s.Week)
                .ToListAsync(cancellationToken)
        )
        {
            shared.Add(
                new { row.Week, Line = await sealer.OpenAsync(row.Line, row.PlaceOf(nameof(SelfCareShare.Line)), cancellationToken) }
            );
        }

        return days.Count == 0 && view.Goals.Count == 0 && shared.Count == 0
            ? null
            : new
            {
                Days = days.OrderBy(d => d.Key)
                    .Select(d => new
                    {
                        Day = d.Key,
                        d.Value.SleepHours,
                        d.Value.MovementMinutes,
                        d.Value.Eating,
                        d.Value.Stress,
                        d.Value.Mood,
                        d.Value.Note,
                    }),
                Goals = view.Goals.Select(g => g.Goal.Describe()),
                LinesYouShared = shared,
            };
    }
}
