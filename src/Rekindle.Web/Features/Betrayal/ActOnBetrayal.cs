using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>
/// One thing done on the path, as the page's form and the API send it. <see cref="Go"/> names it: join, save-feelings,
/// send-feelings, save-acknowledgment, send-acknowledgment, limits, ask, answer, pause-questions, resume-questions,
/// propose-agreement, agree, end-agreement, propose-step, mark, end. <see cref="Choices"/> are feeling or limit keys;
/// <see cref="Choice"/> an agreement's or a mark's key (or "counselor" on an answer); <see cref="About"/> the question,
/// agreement or step it is about; <see cref="Share"/> shares limits or a mark with the partner.
/// </summary>
public sealed record BetrayalRequest(
    string? Go,
    IReadOnlyList<string>? Choices = null,
    string? Text = null,
    string? Second = null,
    string? Choice = null,
    Guid? About = null,
    bool Share = false
)
{
    /// <summary>A button that names what it acts on, "agree:{id}" or "end-agreement:{id}", as the request it stands for.</summary>
    public static BetrayalRequest FromButton(string? button) =>
        button?.Split(':', 2) is [var go, var id] && Guid.TryParse(id, out var about)
            ? new BetrayalRequest(go, About: about)
            : new BetrayalRequest(button);
}

/// <summary>
/// Does one thing on the path, checked by <see cref="BetrayalRules"/> with the couple locked. Drafts are sealed with the
/// author's key; sending seals them again with the couple's key. Nothing goes on while joint work rests, except closing.
/// </summary>
public sealed class ActOnBetrayal(BetrayalStore store, BetrayalContent content)
{
    public Task<Outcome<bool>> HandleAsync(Guid id, BetrayalRequest request, CancellationToken cancellationToken = default)
    {
        var go = request.Go ?? "";
        return store.ChangeAsync(
            id,
            go == "end",
            async (betrayal, state, member) =>
            {
                if (BetrayalRules.CanDo(state, member, go, request.About) is { } refused)
                {
                    return Problem.Invalid("go", refused);
                }

                if (Check(go, request) is { } invalid)
                {
                    return invalid;
                }

                var now = store.Now;
                switch (go)
                {
                    case "join":
                        betrayal.JoinedAt = now;
                        return null;
                    case "end":
                        betrayal.EndedAt = now;
                        return null;
                    case "pause-questions":
                        betrayal.QuestionsPausedAt = now;
                        return null;
                    case "resume-questions":
                        betrayal.QuestionsPausedAt = null;
                        return null;
                    case "agree":
                    case "end-agreement":
                        var agreement = await store.Db.BetrayalEntries.FirstAsync(
                            e => e.Id == request.About && e.BetrayalId == id,
                            cancellationToken
                        );
                        if (go == "agree")
                        {
                            agreement.AgreedAt = now;
                        }
                        else
                        {
                            agreement.EndedAt = now;
                        }

                        return null;
                    default:
                        await WriteAsync(betrayal, member, go, request, cancellationToken);
                        return null;
                }
            },
            cancellationToken
        );
    }

    // Words are checked before anything is read or written; each problem names its field.
    private Problem? Check(string go, BetrayalRequest r)
    {
        var text = r.Text?.Trim() ?? "";
        var second = r.Second?.Trim() ?? "";
        var choices = r.Choices ?? [];
        return go switch
        {
            "save-feelings" or "send-feelings" => choices.Count == 0 || choices.Any(c => content.Feelings.All(f => f.Key != c))
                ? Problem.Invalid("choices", Text.Of("Please choose at least one feeling from the list."))
                : Words("text", text, required: true) ?? Words("second", second, required: false),
            "save-acknowledgment" or "send-acknowledgment" => Words("text", text, required: true)
                ?? Words("second", second, required: true),
            "limits" => choices.Any(c => content.Limits.Choices.All(l => l.Key != c))
                ? Problem.Invalid("choices", Text.Of("Please choose limits from the list, or write your own."))
            : choices.Count == 0 && text.Length == 0
                ? Problem.Invalid("choices", Text.Of("Please choose at least one limit, or write your own."))
            : Words("text", text, required: false),
            "ask" or "propose-step" => Words("text", text, required: true),
            "answer" => r.Choice == BetrayalRules.WithCounselor ? null : Words("text", text, required: true),
            "propose-agreement" => r.Choice is not null && content.Agreements.Choices.Any(a => a.Key == r.Choice) ? null
            : r.Choice is null && text.Length > 0 ? Words("text", text, required: true)
            : Problem.Invalid("choice", Text.Of("Please choose an agreement from the list, or write your own.")),
            "mark" => r.Choice is not null && BetrayalRules.Marks.Contains(r.Choice)
                ? Words("text", text, required: false)
                : Problem.Invalid("choice", Text.Of("Please choose how this step landed for you.")),
            _ => null,
        };
    }

    private static Problem? Words(string field, string text, bool required) =>
        (required || text.Length > 0) && TalkText.Problem(text, BetrayalEntry.TextMaxLength) is { } problem
            ? Problem.Invalid(field, problem)
            : null;

    private async Task WriteAsync(Betrayal betrayal, Guid member, string go, BetrayalRequest r, CancellationToken cancellationToken)
    {
        var (part, sent, payload) = go switch
        {
            "save-feelings" or "send-feelings" => (BetrayalPart.Feelings, go == "send-feelings", Payload(r, choices: true, second: true)),
            "save-acknowledgment" or "send-acknowledgment" => (
                BetrayalPart.Acknowledgment,
                go == "send-acknowledgment",
                Payload(r, false, true)
            ),
            "limits" => (BetrayalPart.Limits, r.Share, Payload(r, choices: true, second: false)),
            "ask" => (BetrayalPart.Question, true, Payload(r, false, false)),
            "answer" => (
                BetrayalPart.Answer,
                true,
                r.Choice == BetrayalRules.WithCounselor
                    ? BetrayalPayload.Empty with
                    {
                        Choice = BetrayalRules.WithCounselor,
                    }
                    : Payload(r, false, false)
            ),
            "propose-agreement" => (BetrayalPart.Agreement, true, Payload(r, false, false) with { Choice = r.Choice }),
            "propose-step" => (BetrayalPart.Step, true, Payload(r, false, false)),
            _ => (BetrayalPart.Mark, r.Share, Payload(r, false, false) with { Choice = r.Choice }),
        };

        // Feelings, the acknowledgment, limits and a step's mark are one entry of their own, rewritten until sent; the rest are new.
        var about = part is BetrayalPart.Answer or BetrayalPart.Mark ? r.About : null;
        var entry = part is BetrayalPart.Feelings or BetrayalPart.Acknowledgment or BetrayalPart.Limits or BetrayalPart.Mark
            ? await store.Db.BetrayalEntries.FirstOrDefaultAsync(
                e => e.BetrayalId == betrayal.Id && e.OwnerId == member && e.Part == part && e.About == about,
                cancellationToken
            )
            : null;
        if (entry is null)
        {
            entry = new BetrayalEntry
            {
                Id = Guid.NewGuid(),
                BetrayalId = betrayal.Id,
                OwnerId = member,
                CoupleId = betrayal.CoupleId,
                Part = part,
                About = about,
            };
            store.Db.BetrayalEntries.Add(entry);
        }

        entry.WrittenAt = store.Now;
        entry.SentAt = sent ? store.Now : null;
        await store.SealAsync(entry, payload, cancellationToken);
    }

    private static BetrayalPayload Payload(BetrayalRequest r, bool choices, bool second) =>
        new(
            choices ? [.. (r.Choices ?? []).Distinct()] : [],
            string.IsNullOrWhiteSpace(r.Text) ? null : r.Text.Trim(),
            second && !string.IsNullOrWhiteSpace(r.Second) ? r.Second.Trim() : null,
            null
        );
}
