using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>An idea of your own: a short name, home or out, and free, low, medium or high cost.</summary>
public sealed record AddIdeaRequest(string? Title, string? Place, string? Cost);

/// <summary>Adds an idea of the couple's own: both see it and rate it privately.</summary>
public sealed class AddDateIdea(AppDbContext db, CurrentMember current, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<IdeaCard>> HandleAsync(AddIdeaRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var text = request.Title?.Trim() ?? "";
        if (viewer.CoupleId is not { } coupleId)
        {
            return Problem.Conflict(Text.Of("Ideas are added inside your couple space. Start one first."));
        }

        if (await db.CustomIdeas.CountAsync(i => i.CoupleId == coupleId, cancellationToken) >= AnswerSetText.CoupleItemCap)
        {
            return Problem.Conflict(Text.Of("Your list has room for 100 ideas of your own, and it is full."));
        }

        if (Talk.TalkText.Problem(text, CustomIdea.TitleMaxLength) is { } problem)
        {
            return Problem.Invalid("title", text.Length == 0 ? Text.Of("Give your idea a short name.") : problem);
        }

        var idea = new CustomIdea
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            AddedBy = viewer.MemberId,
            Place = DateIdeaLibrary.Places.Contains(request.Place) ? request.Place! : "home",
            Cost = DateIdeaLibrary.Costs.Contains(request.Cost) ? request.Cost! : "free",
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        idea.Title = await sealer.SealAsync(text, idea.PlaceOf(nameof(CustomIdea.Title)), cancellationToken);
        db.CustomIdeas.Add(idea);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IdeaCard>.Ok(IdeaStore.Card(idea, text));
    }
}
