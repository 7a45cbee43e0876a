using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>A single-part entry as the viewer may read it: theirs (sent or not), or the partner's once sent.</summary>
public sealed record PartView(Guid Id, BetrayalPayload Payload, bool Sent, DateTime WrittenAt);

public sealed record QuestionView(Guid Id, string Text, DateTime AskedAt, PartView? Answer);

public sealed record AgreementView(Guid Id, BetrayalPayload Payload, bool ByMe, bool Agreed, bool Ended);

public sealed record StepItemView(Guid Id, string Text, DateTime OfferedAt, PartView? Mark);

/// <summary>
/// One path as the member may see it (<see cref="BetrayalRules.MaySee"/>): their own writing, drafts included, and the
/// partner's only once sent. <see cref="PartnerLimitsSet"/> says only that the partner has set limits (questions need both).
/// </summary>
public sealed record BetrayalView(
    Guid Id,
    string Kind,
    bool OpenedByMe,
    bool IAmHurt,
    DateTime OpenedAt,
    BetrayalStage Stage,
    bool QuestionsPaused,
    bool QuestionsOpen,
    bool WaitsOnMe,
    PartView? Feelings,
    PartView? Acknowledgment,
    PartView? MyLimits,
    PartView? TheirLimits,
    bool PartnerLimitsSet,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<StepItemView> Steps
)
{
    public bool Ended => Stage == BetrayalStage.Ended;
}

/// <summary>One of the couple's paths, or null (another couple's, or none).</summary>
public sealed class FindBetrayal(AppDbContext db, CurrentMember current, BetrayalStore store)
{
    public async Task<BetrayalView?> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return null;
        }

        var betrayal = await db.Betrayals.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.CoupleId == coupleId, cancellationToken);
        if (betrayal is null)
        {
            return null;
        }

        var me = viewer.MemberId;
        var state = BetrayalState.Of(betrayal, await BetrayalStore.FactsAsync(db, id, cancellationToken));
        if (!BetrayalRules.IsMember(state, me))
        {
            return null;
        }

        // Only what the viewer may see is read and opened: the partner's drafts and private marks are not even loaded.
        var joined = state.Joined;
        var rows = await db
            .BetrayalEntries.AsNoTracking()
            .Where(e => e.BetrayalId == id && (e.OwnerId == me || (joined && e.SentAt != null)))
            .OrderBy(e => e.WrittenAt)
            .ToListAsync(cancellationToken);
        var opened = new Dictionary<Guid, PartView>();
        foreach (var row in rows.Where(r => BetrayalRules.MaySee(state, me, r.OwnerId, r.SentAt is not null)))
        {
            opened[row.Id] = new PartView(row.Id, await store.OpenAsync(row, cancellationToken), row.SentAt is not null, row.WrittenAt);
        }

        PartView? One(BetrayalPart part, Guid owner) =>
            rows.Where(r => r.Part == part && r.OwnerId == owner && opened.ContainsKey(r.Id)).Select(r => opened[r.Id]).LastOrDefault();
        PartView? About(BetrayalPart part, Guid about) =>
            rows.Where(r => r.Part == part && r.About == about && opened.ContainsKey(r.Id)).Select(r => opened[r.Id]).LastOrDefault();
        var partner = me == state.OpenedBy ? state.PartnerId : state.OpenedBy;
        var visible = rows.Where(r => opened.ContainsKey(r.Id)).ToList();

        return new BetrayalView(
            betrayal.Id,
            await store.KindAsync(betrayal, cancellationToken),
            betrayal.OpenedBy == me,
            betrayal.HurtId == me,
            betrayal.OpenedAt,
            BetrayalRules.Stage(state),
            state.QuestionsPaused,
            BetrayalRules.QuestionsOpen(state),
            BetrayalRules.WaitsOn(state, me),
            One(BetrayalPart.Feelings, state.HurtId),
            One(BetrayalPart.Acknowledgment, state.BrokeId),
            One(BetrayalPart.Limits, me),
            One(BetrayalPart.Limits, partner),
            BetrayalRules.LimitsSet(state, partner),
            [
                .. visible
                    .Where(r => r.Part == BetrayalPart.Question)
                    .Select(r => new QuestionView(r.Id, opened[r.Id].Payload.Text ?? "", r.WrittenAt, About(BetrayalPart.Answer, r.Id))),
            ],
            [
                .. visible
                    .Where(r => r.Part == BetrayalPart.Agreement)
                    .Select(r => new AgreementView(
                        r.Id,
                        opened[r.Id].Payload,
                        r.OwnerId == me,
                        r.AgreedAt is not null,
                        r.EndedAt is not null
                    )),
            ],
            [
                .. visible
                    .Where(r => r.Part == BetrayalPart.Step)
                    .Select(r => new StepItemView(r.Id, opened[r.Id].Payload.Text ?? "", r.WrittenAt, About(BetrayalPart.Mark, r.Id))),
            ]
        );
    }
}
