using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// What waits in Repair: a repair where the member has a step (or the follow-up) to take, and an apology
/// the partner sent in the last week. As /repair itself: no repair while either member rests, and no
/// apology while the member's own exercises rest (decisions/0027: it waits unseen there).
/// An apology has no "read" mark, so it waits for <see cref="ApologyWaits"/> after it arrives.
/// </summary>
public sealed class RepairWaiting(AppDbContext db, TimeProvider clock) : IWaitingSource
{
    public static readonly TimeSpan ApologyWaits = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (!who.Together)
        {
            return [];
        }

        var coupleId = who.CoupleId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<WaitingItem>();
        if (!who.Rest.Couple)
        {
            var turns = await ListRepairs.TurnsAsync(db, coupleId, openOnly: true, who.MemberId, now, cancellationToken);
            foreach (var (incident, _, myTurn, followUp) in turns)
            {
                if (myTurn || followUp)
                {
                    items.Add(
                        new WaitingItem(
                            WaitingKind.Repair,
                            followUp
                                ? Text.Of("A week on: how does the repair with {0} feel now?", who.PartnerName)
                                : Text.Of("There's a step waiting for you in a repair with {0}.", who.PartnerName),
                            Text.Of("Open the repair"),
                            "/repair/" + incident.Id
                        )
                    );
                }
            }
        }

        if (!who.Rest.Mine)
        {
            var since = now - ApologyWaits;
            var apologies = await db.Apologies.CountAsync(
                a => a.CoupleId == coupleId && a.ToId == who.MemberId && a.SentAt >= since,
                cancellationToken
            );
            if (apologies > 0)
            {
                items.Add(
                    new WaitingItem(
                        WaitingKind.Received,
                        Text.Of("{0} wrote you an apology.", who.PartnerName),
                        Text.Of("Read it"),
                        "/repair#apologies"
                    )
                );
            }
        }

        return items;
    }
}
