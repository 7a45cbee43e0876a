using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Understand;

public sealed record CompletedCheck(Guid Id, DateTime CompletedAt, CheckResult Scores);

public sealed record InProgressCheck(Guid Id, DateTime UpdatedAt, IReadOnlyDictionary<string, int> Answers);

/// <summary>Everything of the member's own checks: the one in progress, and every finished one, newest last.</summary>
public sealed record MyCheckHistory(InProgressCheck? InProgress, IReadOnlyList<CompletedCheck> Completed)
{
    public CompletedCheck? Latest => Completed.Count == 0 ? null : Completed[^1];
}

/// <summary>Reads the member's own checks (private: no other member's check is ever read here).</summary>
public sealed class MyChecks(AppDbContext db, CurrentMember current, Sealer sealer)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<MyCheckHistory> HandleAsync(CancellationToken cancellationToken = default) =>
        await ForMemberAsync(current.RequiredMemberId, cancellationToken);

    /// <summary>For the member's own export and plan; never called with another member's id on their behalf.</summary>
    internal async Task<MyCheckHistory> ForMemberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db
            .CheckAttempts.AsNoTracking()
            .Where(c => c.OwnerId == memberId)
            .OrderBy(c => c.StartedAt)
            .ToListAsync(cancellationToken);

        InProgressCheck? inProgress = null;
        var completed = new List<CompletedCheck>();
        foreach (var row in rows)
        {
            if (row.CompletedAt is null)
            {
                inProgress = new InProgressCheck(row.Id, row.UpdatedAt, await AnswersOfAsync(row, cancellationToken));
            }
            else if (row.Scores is not null && await ScoresOfAsync(row, cancellationToken) is { } result)
            {
                completed.Add(new CompletedCheck(row.Id, row.CompletedAt.Value, result));
            }
        }

        return new MyCheckHistory(inProgress, completed.OrderBy(c => c.CompletedAt).ToList());
    }

    internal async Task<Dictionary<string, int>> AnswersOfAsync(CheckAttempt row, CancellationToken cancellationToken)
    {
        var json = await sealer.OpenAsync(row.Answers, row.PlaceOf(nameof(CheckAttempt.Answers)), cancellationToken);
        return json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json) ?? [];
    }

    internal async Task<CheckResult?> ScoresOfAsync(CheckAttempt row, CancellationToken cancellationToken)
    {
        var json = row.Scores is null
            ? null
            : await sealer.OpenAsync(row.Scores, row.PlaceOf(nameof(CheckAttempt.Scores)), cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<CheckResult>(json, Json);
    }
}
