using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Understand;

/// <summary>
/// The member's part of Understand in their export: every check with its answers (with the
/// questions' wording) and scores, their plan ticks, and the Couple Map as they can see it.
/// </summary>
public sealed class UnderstandExport(AppDbContext db, MyChecks checks, CheckContent content, GetCoupleMap map) : IExportSection
{
    public string Name => "understand";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db
            .CheckAttempts.AsNoTracking()
            .Where(c => c.OwnerId == memberId)
            .OrderBy(c => c.StartedAt)
            .ToListAsync(cancellationToken);
        var exported = new List<object>();
        foreach (var row in rows)
        {
            var answers = await checks.AnswersOfAsync(row, cancellationToken);
            exported.Add(
                new
                {
                    row.StartedAt,
                    row.CompletedAt,
                    // A part left for later holds no answer of the member's: it is not listed.
                    Answers = content
                        .Items.Where(i => answers.TryGetValue(i.Id, out var a) && a is >= 0 and <= CheckContent.MaxAnswer)
                        .Select(i => new
                        {
                            Question = i.Text,
                            Answer = content.Scales[i.Scale].Labels[answers[i.Id]],
                            Value = answers[i.Id],
                        }),
                    Scores = await checks.ScoresOfAsync(row, cancellationToken),
                }
            );
        }

        var ticks = await db
            .PlanTicks.AsNoTracking()
            .Where(t => t.OwnerId == memberId)
            .OrderBy(t => t.DoneAt)
            .Select(t => new { Step = t.StepKey, t.DoneAt })
            .ToListAsync(cancellationToken);
        var couple = await map.HandleAsync(cancellationToken);
        return new
        {
            Checks = exported,
            PlanStepsDone = ticks,
            CoupleMap = couple.Stage == MapStage.Ready
                ? couple.Rows.Select(r => new
                {
                    Domain = content.Section(r.Domain).Name,
                    You = r.Mine,
                    YourPartner = r.Theirs,
                    r.BothStrained,
                    PerceptionGap = r.Gap,
                })
                : null,
        };
    }
}
