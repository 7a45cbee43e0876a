using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Your answer to what your partner heard of your account: "yes" (that's it) or "missed" (some of it got missed), with an
/// optional short line of what got missed.
/// </summary>
public sealed record HeardReplyRequest(string? Reply, string? Missed);

/// <summary>
/// Once both have written "what you heard", each says whether the other caught it. When both say yes, the repair goes on to the
/// next step; "some of it got missed" asks the partner to read the account again and try once more (decisions/0037).
/// </summary>
public sealed class ReplyToHeard(RepairStore store)
{
    public const string Yes = "yes";
    public const string Missed = "missed";

    public async Task<Outcome<bool>> HandleAsync(Guid id, HeardReplyRequest request, CancellationToken cancellationToken = default)
    {
        HeardReply? reply = request.Reply switch
        {
            Yes => HeardReply.Yes,
            Missed => HeardReply.Missed,
            _ => null,
        };
        if (reply is null)
        {
            return Problem.Invalid("reply", Text.Of("Please choose \"Yes, that's it\" or \"Some of it got missed\"."));
        }

        var line = request.Missed?.Trim() ?? "";
        if (reply == HeardReply.Missed && line.Length > 0 && TalkText.Problem(line, IncidentEntry.MissedMaxLength) is { } problem)
        {
            return Problem.Invalid("missed", problem);
        }

        return await store.ReplyAsync(id, reply.Value, line.Length > 0 ? line : null, cancellationToken);
    }
}
