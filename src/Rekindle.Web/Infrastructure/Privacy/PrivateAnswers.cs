using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>The lists a member answers privately, each kept as one sealed set per member and couple.</summary>
public enum AnswerList
{
    /// <summary>Date idea ratings: love, like, no.</summary>
    Ideas = 1,

    /// <summary>Gesture marks: love, no.</summary>
    Gestures = 2,

    /// <summary>Intimacy desire answers: yes, maybe, talk, no, limit.</summary>
    Desires = 3,
}

/// <summary>
/// All of one member's answers to one list in one couple, as a single sealed value of fixed length
/// (<see cref="AnswerSetText"/>), sealed with the member's key. Made blank when the member joins a
/// couple, so the partner's set is always there: reading it is one row and one open, whatever it
/// holds (docs/TRUST.md T17, decisions/0026). The partner only ever learns what <see cref="Mutual"/> or
/// a feature's own one-sided rule lets through.
/// </summary>
public sealed class AnswerSet : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CoupleId { get; set; }

    public AnswerList List { get; set; }

    public SealedText Answers { get; set; } = default!;

    /// <summary>Counts writes: two windows saving at once meet here instead of one losing the other's answer.</summary>
    public int Version { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Answers)
            ? SealedPlaces.AnswerSetAnswers.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class AnswerSetConfiguration : IEntityTypeConfiguration<AnswerSet>
{
    public void Configure(EntityTypeBuilder<AnswerSet> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(s => s.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(s => new
            {
                s.OwnerId,
                s.CoupleId,
                s.List,
            })
            .IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

/// <summary>Reading a member's answers to a list, and saving or clearing one: written once for every list.</summary>
public sealed class PrivateAnswers(AppDbContext db, Sealer sealer)
{
    private const int SaveAttempts = 3;

    private static readonly Dictionary<string, AnswerEntry> Blank = [];

    /// <summary>
    /// Every answer the member gave to the list in that couple. Always exactly one row read and one
    /// value of fixed length opened, whatever the member answered (docs/TRUST.md T17).
    /// </summary>
    public async Task<Dictionary<string, string>> ReadAsync(
        AnswerList list,
        Guid memberId,
        Guid? coupleId,
        CancellationToken cancellationToken
    ) =>
        (await EntriesAsync(list, memberId, coupleId, cancellationToken)).ToDictionary(
            e => e.Key,
            e => e.Value.Value,
            StringComparer.Ordinal
        );

    /// <summary>As <see cref="ReadAsync"/>, with when each answer was given.</summary>
    public async Task<Dictionary<string, AnswerEntry>> EntriesAsync(
        AnswerList list,
        Guid memberId,
        Guid? coupleId,
        CancellationToken cancellationToken
    )
    {
        if (coupleId is null)
        {
            return new(StringComparer.Ordinal);
        }

        var row = await db
            .AnswerSets.AsNoTracking()
            .FirstOrDefaultAsync(s => s.OwnerId == memberId && s.CoupleId == coupleId && s.List == list, cancellationToken);
        return await OpenAsync(row, cancellationToken);
    }

    /// <summary>The member's answers to the list in every couple they have a set in, for their export.</summary>
    public async Task<List<KeyValuePair<string, AnswerEntry>>> ExportAsync(
        AnswerList list,
        Guid memberId,
        CancellationToken cancellationToken
    )
    {
        var answers = new List<KeyValuePair<string, AnswerEntry>>();
        foreach (
            var row in await db.AnswerSets.AsNoTracking().Where(s => s.OwnerId == memberId && s.List == list).ToListAsync(cancellationToken)
        )
        {
            answers.AddRange((await OpenAsync(row, cancellationToken)).OrderBy(e => e.Key, StringComparer.Ordinal));
        }

        return answers;
    }

    /// <summary>
    /// Saves <paramref name="answer"/> (already checked by the caller) for <paramref name="key"/>, or
    /// takes it out of the set when it is "clear". Two windows saving at the same moment are retried;
    /// if they keep meeting, the member gets <paramref name="conflict"/> instead of an error.
    /// </summary>
    public async Task<Outcome<bool>> SaveAsync(
        Viewer viewer,
        AnswerList list,
        string key,
        string answer,
        DateTime? at,
        string conflict,
        CancellationToken cancellationToken
    )
    {
        if (viewer.CoupleId is not { } coupleId)
        {
            return Problem.Conflict(conflict);
        }

        for (var attempt = 1; ; attempt++)
        {
            var row = await db.AnswerSets.FirstOrDefaultAsync(
                s => s.OwnerId == viewer.MemberId && s.CoupleId == coupleId && s.List == list,
                cancellationToken
            );
            var entries = await OpenAsync(row, cancellationToken);
            if (answer == "clear")
            {
                entries.Remove(key);
            }
            else
            {
                entries[key] = new AnswerEntry(answer, at);
            }

            if (row is null)
            {
                row = New(viewer.MemberId, coupleId, list);
                db.AnswerSets.Add(row);
            }

            await SealAsync(row, entries, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome<bool>.Ok(true);
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached;
                if (attempt == SaveAttempts)
                {
                    return Problem.Conflict(conflict);
                }
            }
        }
    }

    /// <summary>Empties the member's sets of that list in every couple (the rows stay, blank, so reading them is the same work).</summary>
    public async Task ClearAllAsync(AnswerList list, Guid memberId, CancellationToken cancellationToken)
    {
        foreach (var row in await db.AnswerSets.Where(s => s.OwnerId == memberId && s.List == list).ToListAsync(cancellationToken))
        {
            await SealAsync(row, Blank, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds (without saving) a blank set of every list for a member entering a couple, so their
    /// partner's reads find one row from the start. The caller's save writes them with the membership.
    /// </summary>
    public async Task StartAsync(Guid memberId, Guid coupleId, CancellationToken cancellationToken)
    {
        var existing = await db
            .AnswerSets.AsNoTracking()
            .Where(s => s.OwnerId == memberId && s.CoupleId == coupleId)
            .Select(s => s.List)
            .ToListAsync(cancellationToken);
        foreach (var list in Enum.GetValues<AnswerList>().Except(existing))
        {
            var row = New(memberId, coupleId, list);
            await SealAsync(row, Blank, cancellationToken);
            db.AnswerSets.Add(row);
        }
    }

    internal static AnswerSet New(Guid memberId, Guid coupleId, AnswerList list) =>
        new()
        {
            Id = Guid.NewGuid(),
            OwnerId = memberId,
            CoupleId = coupleId,
            List = list,
        };

    internal async Task SealAsync(AnswerSet row, IReadOnlyDictionary<string, AnswerEntry> entries, CancellationToken cancellationToken)
    {
        row.Answers = await sealer.SealAsync(AnswerSetText.Encode(entries), row.PlaceOf(nameof(AnswerSet.Answers)), cancellationToken);
        row.Version++;
    }

    internal async Task<Dictionary<string, AnswerEntry>> OpenAsync(AnswerSet? row, CancellationToken cancellationToken)
    {
        // A missing row (a membership from before sets existed, until the start-up conversion made
        // its blank one) reads as no answers.
        if (row is null || await sealer.OpenAsync(row.Answers, row.PlaceOf(nameof(AnswerSet.Answers)), cancellationToken) is not { } text)
        {
            return new(StringComparer.Ordinal);
        }

        return AnswerSetText.Decode(text);
    }
}
