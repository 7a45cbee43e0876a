using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// What waits in Talk: the partner has had their turn with today's question (an answer and a pass look
/// alike, as on /talk), an invitation to a guided conversation (not while either member rests:
/// decisions/0027), and the partner's check-in for this week done while the member's is not.
/// Five small indexed queries, whatever the couple's history.
/// </summary>
public sealed class TalkWaiting(AppDbContext db, TodaysQuestion days) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (!who.Together)
        {
            return [];
        }

        var coupleId = who.CoupleId!.Value;
        var partnerId = who.PartnerId!.Value;
        var items = new List<WaitingItem>();
        var today = await days.TodayAsync(cancellationToken);
        var turns = await db
            .DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == coupleId && q.Day == today)
            .SelectMany(q => db.DailyAnswers.Where(a => a.DailyQuestionId == q.Id).Select(a => a.OwnerId))
            .ToListAsync(cancellationToken);
        if (turns.Contains(partnerId) && !turns.Contains(who.MemberId))
        {
            items.Add(
                new WaitingItem(
                    WaitingKind.PartnerAnswered,
                    Text.Of("{0} has had their turn with today's question. Answer to see what they said.", who.PartnerName),
                    Text.Of("Answer"),
                    "/talk"
                )
            );
        }

        if (!who.Rest.Couple)
        {
            var invited = await db.Conversations.AnyAsync(
                c => c.PartnerId == who.MemberId && c.CoupleId == coupleId && c.Phase == FloorPhase.Invited && c.EndedAt == null,
                cancellationToken
            );
            if (invited)
            {
                items.Add(
                    new WaitingItem(
                        WaitingKind.Conversation,
                        Text.Of("{0} would like a guided conversation with you.", who.PartnerName),
                        Text.Of("See the invitation"),
                        "/talk/conversation"
                    )
                );
            }
        }

        var prompt = CheckIn.PromptFor(WeeklyCheckIns.WeekOf(today));
        var checkedIn = await db
            .CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == coupleId && c.PromptKey == prompt && (c.OwnerId == partnerId || c.OwnerId == who.MemberId))
            .Select(c => c.OwnerId)
            .ToListAsync(cancellationToken);
        if (checkedIn.Contains(partnerId) && !checkedIn.Contains(who.MemberId))
        {
            items.Add(
                new WaitingItem(
                    WaitingKind.CheckIn,
                    Text.Of("{0} has done this week's check-in. Do yours to see both.", who.PartnerName),
                    Text.Of("Check in"),
                    "/talk/check-in"
                )
            );
        }

        return items;
    }
}
