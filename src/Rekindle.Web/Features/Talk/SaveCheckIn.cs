using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// One week's check-in as the member sends it (the page's form and the API's body alike): up to three
/// appreciations, three short answers and how close they feel from 0 to 10 (null: not chosen yet).
/// Only the pulse and what went well are required (<see cref="CheckInSteps"/>).
/// </summary>
public sealed record CheckInRequest(
    IReadOnlyList<string>? Appreciations,
    string? WentWell,
    string? ToTalkAbout,
    string? FeelLoved,
    int? Pulse
);

/// <summary>Saves this week's check-in; it can be changed until both partners have done theirs. Gives the week as it now reads.</summary>
public sealed class SaveCheckIn(
    AppDbContext db,
    CurrentMember current,
    GetThisWeeksCheckIn thisWeek,
    Sealer sealer,
    NoticeOutbox notices,
    TimeProvider clock
)
{
    public async Task<Outcome<CheckInView>> HandleAsync(CheckInRequest request, CancellationToken cancellationToken = default)
    {
        if (CheckInSteps.Check(request) is { } problem)
        {
            return problem;
        }

        var view = await thisWeek.HandleAsync(cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("The check-in needs your couple space first."));
        }

        if (view.Revealed)
        {
            return Kept();
        }

        var viewer = await current.ViewerAsync(cancellationToken);
        CheckIn row;

        // Checked again while holding the couple: a change racing the partner's check-in lands before the reveal or not at all.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await Rows.LockCoupleAsync(db, viewer.CoupleId!.Value, cancellationToken);
            if (
                await db.CheckIns.CountAsync(
                    c => c.CoupleId == viewer.CoupleId && c.PromptKey == CheckIn.PromptFor(view.WeekStart),
                    cancellationToken
                ) >= 2
            )
            {
                return Kept();
            }

            row = await db.CheckIns.FirstOrDefaultAsync(
                c => c.OwnerId == viewer.MemberId && c.WeekStart == view.WeekStart,
                cancellationToken
            )
                ?? db.CheckIns.Add(
                    new CheckIn
                    {
                        Id = Guid.NewGuid(),
                        OwnerId = viewer.MemberId,
                        CoupleId = viewer.CoupleId,
                        WeekStart = view.WeekStart,
                        PromptKey = CheckIn.PromptFor(view.WeekStart),
                    }
                ).Entity;
            var clean = CheckInSteps.Clean(request);
            row.Answers = await sealer.SealAsync(
                JsonSerializer.Serialize(clean, WeeklyCheckIns.Json),
                row.PlaceOf(nameof(CheckIn.Answers)),
                cancellationToken
            );
            row.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Problem.Conflict(
                    Text.Of("Your check-in was being saved from another window at the same moment. Please look again.")
                );
            }
        }

        if (!view.PartnerDone && await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await notices.QueueAsync(partnerId, NoticeKind.PartnerCheckedIn, $"checkin:{row.Id:N}:{partnerId:N}", cancellationToken);
        }

        return Outcome<CheckInView>.Ok((await thisWeek.HandleAsync(cancellationToken))!);
    }

    private static Problem Kept() => Problem.Conflict(Text.Of("You've both done this week's check-in, so it is kept as it is."));
}
