using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>
/// What the path's use cases share, with no use case of its own: reading the facts of a path, opening and sealing entries
/// (the author's key while unsent, the couple's once sent), and changing one of the couple's paths with the couple's row
/// locked. Everything starts from <see cref="CurrentMember"/>: another couple's path is simply not found.
/// </summary>
public sealed class BetrayalStore(
    AppDbContext db,
    CurrentMember current,
    Resting resting,
    BetrayalContent content,
    Sealer sealer,
    TimeProvider clock
)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal AppDbContext Db => db;

    internal static Problem NotYours() => Problem.NotFound(Text.Of("That path is not in your space."));

    internal static async Task<List<EntryFact>> FactsAsync(AppDbContext db, Guid betrayalId, CancellationToken cancellationToken) =>
        await db
            .BetrayalEntries.AsNoTracking()
            .Where(e => e.BetrayalId == betrayalId)
            .OrderBy(e => e.WrittenAt)
            .Select(e => new EntryFact(e.Id, e.OwnerId, e.Part, e.About, e.SentAt != null, e.AgreedAt != null, e.EndedAt != null))
            .ToListAsync(cancellationToken);

    internal async Task<BetrayalPayload> OpenAsync(BetrayalEntry entry, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<BetrayalPayload>(
            await sealer.OpenAsync(entry.Entry, entry.PlaceOf(nameof(BetrayalEntry.Entry)), cancellationToken),
            Json
        ) ?? BetrayalPayload.Empty;

    internal async Task<string> KindAsync(Betrayal betrayal, CancellationToken cancellationToken) =>
        await sealer.OpenAsync(betrayal.Kind, betrayal.PlaceOf(nameof(Betrayal.Kind)), cancellationToken);

    internal Task<SealedText> SealKindAsync(Betrayal betrayal, string kind, CancellationToken cancellationToken) =>
        sealer.SealAsync(kind, betrayal.PlaceOf(nameof(Betrayal.Kind)), cancellationToken);

    /// <summary>Seals the payload under the key its sent state calls for (set <see cref="BetrayalEntry.SentAt"/> first).</summary>
    internal async Task SealAsync(BetrayalEntry entry, BetrayalPayload payload, CancellationToken cancellationToken) =>
        entry.Entry = await sealer.SealAsync(
            JsonSerializer.Serialize(payload, Json),
            entry.PlaceOf(nameof(BetrayalEntry.Entry)),
            cancellationToken
        );

    /// <summary>
    /// Read, change and save one of the couple's paths with the couple locked. While joint work rests (a concern or a pause
    /// on either side, decisions/0027) nothing goes on; closing the path stays open to either, at any time.
    /// </summary>
    internal async Task<Outcome<bool>> ChangeAsync(
        Guid id,
        bool evenWhileResting,
        Func<Betrayal, BetrayalState, Guid, Task<Problem?>> change,
        CancellationToken cancellationToken
    )
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return NotYours();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var betrayal = await db.Betrayals.FirstOrDefaultAsync(b => b.Id == id && b.CoupleId == coupleId, cancellationToken);
        if (betrayal is null)
        {
            return NotYours();
        }

        if (!evenWhileResting && await resting.RefusalAsync(content.Resting, evenWhenPartnerAway: true, cancellationToken) is { } rest)
        {
            return Problem.Resting(rest);
        }

        var state = BetrayalState.Of(betrayal, await FactsAsync(db, id, cancellationToken));
        if (await change(betrayal, state, viewer.MemberId) is { } problem)
        {
            return problem;
        }

        betrayal.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.Of("Your partner changed this path at the same moment. Here is where you are now."));
        }

        return Outcome<bool>.Ok(true);
    }
}
