using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>text: the item in a few words; category: the key of the category it belongs in.</summary>
public sealed record CustomItemRequest(string? Text, string? Category);

/// <summary>Adds an item of the member's own to the couple's list, sealed with the couple's key: both can answer it, neither sees the
/// other's answer.</summary>
public sealed class AddDesireItem(
    AppDbContext db,
    DesireStore store,
    CurrentMember current,
    IntimacyContent content,
    Resting resting,
    Sealer sealer,
    TimeProvider clock
)
{
    public async Task<Outcome<bool>> HandleAsync(CustomItemRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (!await store.OptedInAsync(viewer.MemberId, cancellationToken) || viewer.CoupleId is not { } coupleId)
        {
            return Problem.Conflict(Text.Of("Items are added inside your couple space, with intimacy turned on."));
        }

        if ((await resting.StateAsync(cancellationToken)).Mine)
        {
            return Problem.Resting(Text.Of(DesireStore.RestingNote));
        }

        if (await db.CustomDesires.CountAsync(d => d.CoupleId == coupleId, cancellationToken) >= AnswerSetText.CoupleItemCap)
        {
            return Problem.Conflict(Text.Of("Your list has room for 100 items of your own, and it is full."));
        }

        var words = request.Text?.Trim() ?? "";
        if (Talk.TalkText.Problem(words, CustomDesire.TextMaxLength) is { } problem)
        {
            return Problem.Invalid("text", words.Length == 0 ? Text.Of("Write the item first, in a few words.") : problem);
        }

        if (content.Categories.All(c => c.Key != request.Category))
        {
            return Problem.Invalid("category", Text.Of("Please choose where it belongs."));
        }

        var item = new CustomDesire
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            AddedBy = viewer.MemberId,
            Category = request.Category!,
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        item.Text = await sealer.SealAsync(words, item.PlaceOf(nameof(CustomDesire.Text)), cancellationToken);
        db.CustomDesires.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
