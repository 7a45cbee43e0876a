using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;

namespace Rekindle.Web.Features.Home;

/// <summary>
/// The kinds of thing that can wait for a member, in the order the home page lists them: what the
/// partner is waiting on first, then what is there to read, then the member's own next step.
/// </summary>
public enum WaitingKind
{
    /// <summary>The partner has had their turn with today's question; the member has not.</summary>
    PartnerAnswered = 0,

    /// <summary>Something blind-revealed opens once the member adds theirs.</summary>
    Reveal = 1,

    /// <summary>The partner invited the member to a guided conversation.</summary>
    Conversation = 2,

    /// <summary>A repair step (or its follow-up) waits for the member.</summary>
    Repair = 3,

    /// <summary>An apology or an appreciation note arrived.</summary>
    Received = 4,

    /// <summary>The partner did this week's check-in; the member has not.</summary>
    CheckIn = 5,

    /// <summary>The partner offered times for a date (new or moved) that only the member can accept.</summary>
    Date = 6,

    /// <summary>A step of the member's own plan for this week, not yet done.</summary>
    PlanStep = 7,

    /// <summary>This week's session of the couple's program (decisions/0040), or starting one.</summary>
    Session = 8,

    /// <summary>The partner would like to bring in their counselor (decisions/0044).</summary>
    Counselor = 9,

    /// <summary>Homework from the member's counselor, not marked done yet (decisions/0044).</summary>
    Homework = 10,
}

/// <summary>One line on the home page: what waits, in words for the member, and where to act on it.</summary>
public sealed record WaitingItem(WaitingKind Kind, string Text, string Action, string Link);

/// <summary>
/// Who asks, for the areas' sources: the member, their couple and partner (null while alone or waiting),
/// the partner's first name (for the page's words), and the couple's resting state (decisions/0027).
/// </summary>
public sealed record WaitingFor(Guid MemberId, Guid? CoupleId, Guid? PartnerId, string PartnerName, RestState Rest)
{
    public bool Together => CoupleId is not null && PartnerId is not null;
}

/// <summary>
/// An area's own answer to "what is waiting for this member here?". Each area implements it in its own
/// folder and registers it (like <see cref="Infrastructure.Jobs.INoticeSource"/>), so the area owns its query
/// and its resting rule. A source returns only what the area's own pages already show this member, and
/// does a fixed, small number of queries whatever the couple's history.
/// </summary>
public interface IWaitingSource
{
    Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken);
}

/// <summary>
/// What is waiting for the signed-in member, from every area, ordered by <see cref="WaitingKind"/>
/// (then each area's own order). Empty means all caught up.
/// </summary>
public sealed class WhatIsWaiting(IEnumerable<IWaitingSource> sources, CurrentMember current, GetCoupleStatus status, Resting resting)
{
    public async Task<IReadOnlyList<WaitingItem>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var couple = await status.HandleAsync(cancellationToken);
        var together = couple.Stage == CoupleStage.Together;
        var who = new WaitingFor(
            current.RequiredMemberId,
            couple.CoupleId,
            together ? await current.PartnerIdAsync(cancellationToken) : null,
            couple.PartnerFirstName ?? "",
            await resting.StateAsync(cancellationToken)
        );
        var items = new List<WaitingItem>();
        // One after another: the sources share the request's database context.
        foreach (var source in sources)
        {
            items.AddRange(await source.WaitingAsync(who, cancellationToken));
        }

        return items.Select((item, index) => (item, index)).OrderBy(x => x.item.Kind).ThenBy(x => x.index).Select(x => x.item).ToList();
    }
}

public static class HomeFeature
{
    public static WebApplicationBuilder AddHome(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WhatIsWaiting>();
        return builder;
    }
}
