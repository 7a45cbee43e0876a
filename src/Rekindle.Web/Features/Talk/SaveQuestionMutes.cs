using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>The kinds of question the member wants muted (<see cref="QuestionKinds.All"/>); every other kind is unmuted.</summary>
public sealed record QuestionMutesRequest(IReadOnlyList<string>? Muted);

/// <summary>
/// Sets which kinds of question the member muted (decisions/0042): the member's own setting, never shown to the
/// partner. The draw is the couple's, so a muted kind is left out for both.
/// </summary>
public sealed class SaveQuestionMutes(AppDbContext db, CurrentMember current, CoupleQuestionStore store, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<string>>> HandleAsync(
        QuestionMutesRequest request,
        CancellationToken cancellationToken = default
    )
    {
        var memberId = current.RequiredMemberId;
        var wanted = (request.Muted ?? []).ToList();
        if (wanted.FirstOrDefault(k => !QuestionKinds.Known(k)) is { } unknown)
        {
            return Problem.Invalid("muted", Text.Of("There is no kind of question called \"{0}\".", unknown));
        }

        var rows = await db.QuestionMutes.Where(m => m.MemberId == memberId).ToListAsync(cancellationToken);
        db.QuestionMutes.RemoveRange(rows.Where(r => !wanted.Contains(r.Kind)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var kind in wanted.Distinct().Where(k => rows.All(r => r.Kind != k)))
        {
            db.QuestionMutes.Add(
                new QuestionMute
                {
                    MemberId = memberId,
                    Kind = kind,
                    MutedAt = now,
                }
            );
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.Of("These were being saved from another window at the same moment. Please look again."));
        }

        return Outcome<IReadOnlyList<string>>.Ok(await store.MutesOfAsync(memberId, cancellationToken));
    }
}
