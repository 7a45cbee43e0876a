using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>One answer as the viewer may see it.</summary>
public sealed record AnswerView(Guid Id, string? Text, bool Skipped, DateTime AnsweredAt, string? Reply, Reaction Reaction);

/// <summary>
/// A day's question as the viewer may see it. <see cref="Partners"/> is filled only when the rule
/// lets the viewer see it (they answered too); <see cref="PartnerResponded"/> says only that the
/// partner has had their turn (answer or pass alike, until the viewer has had theirs), which the
/// app tells ("Your partner has had their turn. Answer too…").
/// </summary>
public sealed record DailyView(
    Guid QuestionRowId,
    DateOnly Day,
    Question Question,
    bool HasPartner,
    AnswerView? Mine,
    bool PartnerResponded,
    bool PartnerSkipped,
    AnswerView? Partners,
    OwnQuestionAuthor? AddedBy = null
)
{
    /// <summary>The day's question is one the couple wrote (<see cref="AddedBy"/> says who).</summary>
    public bool Own => AddedBy is not null;

    /// <summary>Both answered (not passed): answers are locked, replies and reactions open.</summary>
    public bool Revealed => Mine is { Skipped: false } && Partners is { Skipped: false };

    public bool CanEdit => !Revealed;
}

/// <summary>
/// Today's question for the signed-in member: the day is the couple's (<see cref="CoupleDay"/>); the question
/// is the couple's, chosen by <see cref="DailyQuestionRules"/> the first time either partner opens
/// that day, and the same for both. Reading a partner's answer goes through <see cref="Disclosure"/>.
/// </summary>
public sealed class TodaysQuestion(
    AppDbContext db,
    CurrentMember current,
    QuestionBank bank,
    Preferences preferences,
    GetCoupleMap map,
    Resting resting,
    Sealer sealer,
    CoupleQuestionStore own,
    Guided.ProgramFocus program,
    TimeProvider clock
)
{
    /// <summary>The couple's day (<see cref="CoupleDay"/>): the earlier of the two partners' own dates.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var zone = (await preferences.MineAsync(cancellationToken)).Zone();
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var partners = partnerId is { } id ? (await preferences.ForAsync(id, cancellationToken)).Zone() : null;
        return CoupleDay.Today(clock.GetUtcNow().UtcDateTime, zone, partners);
    }

    /// <summary>Today's view, or null when the member has no couple space yet.</summary>
    public async Task<DailyView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return null;
        }

        var row = await GetOrCreateAsync(coupleId, await TodayAsync(cancellationToken), cancellationToken);
        return await ViewAsync(viewer, row, cancellationToken);
    }

    /// <summary>The view of one of the couple's questions (for the archive), or null when it is not this couple's.</summary>
    internal async Task<DailyView?> ViewOfAsync(Guid questionRowId, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var row = await db
            .DailyQuestions.AsNoTracking()
            .FirstOrDefaultAsync(q => q.Id == questionRowId && q.CoupleId == viewer.CoupleId, cancellationToken);
        return row is null ? null : await ViewAsync(viewer, row, cancellationToken);
    }

    internal async Task<DailyView> ViewAsync(Viewer viewer, DailyQuestion row, CancellationToken cancellationToken) =>
        (await ViewsAsync(viewer, [row], cancellationToken))[0];

    /// <summary>
    /// The views of several of the couple's days, in the order given, with a fixed number of queries
    /// whatever their number (the archive shows 20 at once: docs/PERFORMANCE.md, finding 2).
    /// </summary>
    internal async Task<IReadOnlyList<DailyView>> ViewsAsync(
        Viewer viewer,
        IReadOnlyList<DailyQuestion> rows,
        CancellationToken cancellationToken
    )
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var visible = await db
            .DailyAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.DailyQuestionId))
            .VisibleTo(viewer)
            .ToListAsync(cancellationToken);
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var ownIds = rows.Select(r => CoupleQuestion.FromQuestionId(r.QuestionId)).OfType<Guid>().ToList();
        var owned =
            ownIds.Count == 0
                ? new Dictionary<string, OwnQuestionView>()
                : (await own.ListAsync(viewer, ownIds, cancellationToken)).ToDictionary(q => CoupleQuestion.IdFor(q.Id));

        // That the partner answered or passed is told (never what they wrote, until the rule allows).
        var partnerTurns = partnerId is null
            ? []
            : await db
                .DailyAnswers.AsNoTracking()
                .Where(a => ids.Contains(a.DailyQuestionId) && a.OwnerId == partnerId)
                .Select(a => new { a.DailyQuestionId, a.Skipped })
                .ToDictionaryAsync(a => a.DailyQuestionId, a => a.Skipped, cancellationToken);

        var views = new List<DailyView>(rows.Count);
        foreach (var row in rows)
        {
            var mine = visible.FirstOrDefault(a => a.DailyQuestionId == row.Id && a.OwnerId == viewer.MemberId);
            var theirs = visible.FirstOrDefault(a => a.DailyQuestionId == row.Id && a.OwnerId != viewer.MemberId);
            var partnerResponded = partnerTurns.TryGetValue(row.Id, out var partnerSkipped);
            var ownQuestion = owned.GetValueOrDefault(row.QuestionId);
            views.Add(
                new DailyView(
                    row.Id,
                    row.Day,
                    ownQuestion is not null
                            ? new Question(row.QuestionId, QuestionBank.OwnArea, DailyQuestionRules.DepthFor(row.Day), [], ownQuestion.Text)
                        : bank.ById.TryGetValue(row.QuestionId, out var question) ? question
                        : new Question(row.QuestionId, "talk", Depth.Light, [], Text.Of("(This question is no longer in the bank.)")),
                    partnerId is not null,
                    mine is null ? null : await OpenAsync(mine, cancellationToken),
                    partnerResponded,
                    // Before the viewer's own turn, a pass and an answer read alike ("your partner has had their turn").
                    mine is not null
                        && partnerResponded
                        && partnerSkipped,
                    theirs is null ? null : await OpenAsync(theirs, cancellationToken),
                    ownQuestion?.AddedBy
                )
            );
        }

        return views;
    }

    internal async Task<AnswerView> OpenAsync(DailyAnswer answer, CancellationToken cancellationToken)
    {
        var text = answer.Text is null
            ? null
            : await sealer.OpenAsync(answer.Text, answer.PlaceOf(nameof(DailyAnswer.Text)), cancellationToken);
        var reply = answer.Reply is null
            ? null
            : await sealer.OpenAsync(answer.Reply, answer.PlaceOf(nameof(DailyAnswer.Reply)), cancellationToken);
        return new AnswerView(answer.Id, text, answer.Skipped, answer.AnsweredAt, reply, answer.Reaction);
    }

    private async Task<DailyQuestion> GetOrCreateAsync(Guid coupleId, DateOnly day, CancellationToken cancellationToken)
    {
        var existing = await db
            .DailyQuestions.AsNoTracking()
            .FirstOrDefaultAsync(q => q.CoupleId == coupleId && q.Day == day, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var asked = await db
            .DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == coupleId)
            .GroupBy(q => q.QuestionId)
            .Select(g => new { QuestionId = g.Key, Day = g.Max(q => q.Day) })
            .ToListAsync(cancellationToken);
        var questionId = DailyQuestionRules.Choose(
            bank,
            new DrawInput(
                coupleId,
                day,
                asked.ToDictionary(a => a.QuestionId, a => a.Day),
                await FocusAsync(cancellationToken),
                await IntimacyAllowedAsync(coupleId, cancellationToken),
                await resting.CoupleRestsAsync(coupleId, cancellationToken),
                await own.CoupleMutesAsync(coupleId, cancellationToken),
                await own.RotationAsync(coupleId, cancellationToken)
            )
        );
        var row = new DailyQuestion
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            Day = day,
            QuestionId = questionId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // Both databases take ON CONFLICT: when the partner opened the page at the same moment, their
        // row stands and nothing fails (a failed insert would also be logged as an error on every such race).
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"DailyQuestions\" (\"Id\", \"CoupleId\", \"Day\", \"QuestionId\", \"CreatedAt\") VALUES ({row.Id}, {row.CoupleId}, {row.Day}, {row.QuestionId}, {row.CreatedAt}) ON CONFLICT (\"CoupleId\", \"Day\") DO NOTHING",
            cancellationToken
        );
        if (inserted == 1)
        {
            return row;
        }

        // The partner's is the couple's question. Anything else (the couple was just deleted, say) is not hidden.
        return await db.DailyQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.CoupleId == coupleId && q.Day == day, cancellationToken)
            ?? throw new InvalidOperationException($"Today's question for couple {coupleId} could not be saved.");
    }

    /// <summary>
    /// What the draw follows (<see cref="QuestionFocus"/>): the one place its parts come together. Today: the Couple
    /// Map's strained domains (root causes) and the areas they drive, with the guided program's current week (its
    /// lesson's area and root causes: the couple's, the same for both, none while anyone rests; decisions/0040).
    /// </summary>
    private async Task<QuestionFocus> FocusAsync(CancellationToken cancellationToken)
    {
        var focus = await MapFocusAsync(cancellationToken);
        return await program.ForCurrentCoupleAsync(cancellationToken) is { } week
            ? focus.With(new QuestionFocus([week.Area], week.RootCauses))
            : focus;
    }

    // Only from what both partners chose to share on the Couple Map: never from a private plan.
    private async Task<QuestionFocus> MapFocusAsync(CancellationToken cancellationToken)
    {
        var view = await map.HandleAsync(cancellationToken);
        if (view.Stage != MapStage.Ready)
        {
            return QuestionFocus.None;
        }

        int Strain(string domain) =>
            view.Rows.Where(r => r.Domain == domain).Select(r => Math.Max(r.Mine, r.Theirs)).DefaultIfEmpty(0).Max();
        var areas = PlanRules
            .Drivers.Select(d => (Area: d.Key, Need: d.Value.Max(x => x.Weight * Strain(x.Domain))))
            .Where(a => a.Need >= CheckScoring.SomeStrainFrom)
            .OrderByDescending(a => a.Need)
            .Take(3)
            .Select(a => a.Area)
            .ToList();
        // The map's domains are the root causes (Guided.Lessons.RootCauseKeys): the most strained few, as with the areas.
        var rootCauses = view
            .Rows.Select(r => r.Domain)
            .Distinct()
            .Where(d => Guided.Lessons.RootCauseKeys.Contains(d))
            .Select(d => (Domain: d, Strain: Strain(d)))
            .Where(d => d.Strain >= CheckScoring.SomeStrainFrom)
            .OrderByDescending(d => d.Strain)
            .ThenBy(d => d.Domain, StringComparer.Ordinal)
            .Take(3)
            .Select(d => d.Domain)
            .ToList();
        return new QuestionFocus(areas, rootCauses);
    }

    private async Task<bool> IntimacyAllowedAsync(Guid coupleId, CancellationToken cancellationToken)
    {
        var members = await db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == coupleId)
            .Select(m => m.MemberId)
            .ToListAsync(cancellationToken);
        var optedIn = await db
            .MemberPreferences.AsNoTracking()
            .CountAsync(p => members.Contains(p.MemberId) && p.IntimacyOptIn, cancellationToken);
        return members.Count == 2 && optedIn == 2;
    }
}
