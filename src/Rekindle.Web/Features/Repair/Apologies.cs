using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// An apology sent to the partner as a note: what I did, its effect on you, what I'll do. Nothing is
/// stored until it is sent; then it belongs to the couple (sealed with the couple key) and goes when
/// the couple does.
/// </summary>
public sealed class Apology : ISealedRecord
{
    public const int PartMaxLength = 600;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    /// <summary>An <see cref="ApologyText"/> as JSON, sealed with the couple's key.</summary>
    public SealedText Text { get; set; } = default!;

    public DateTime SentAt { get; set; }

    public SealPlace PlaceOf(string property) => property == nameof(Text)
        ? SealedPlaces.ApologyText.At(Id, KeyOwner.Couple(CoupleId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

public sealed record ApologyText(string Did, string Effect, string Will);

public sealed record ApologyView(ApologyText Text, DateTime SentAt, bool FromMe);

/// <summary>How an apology reads: each part on its own (its findings go beside it) and one verdict for the whole.</summary>
public sealed record ApologyTone(ToneReading Whole, ToneReading? Did, ToneReading? Effect, ToneReading? Will);

internal sealed class ApologyConfiguration : IEntityTypeConfiguration<Apology>
{
    public void Configure(EntityTypeBuilder<Apology> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(a => a.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.ToId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CoupleId, a.SentAt });
    }
}

/// <summary>The apology builder: check the three parts, send them, and read the couple's apologies.</summary>
public sealed class Apologies(AppDbContext db, CurrentMember current, Resting safety, RepairContent content, SoftStartup soft, Sealer sealer, TimeProvider clock)
{
    public const int PerDay = 3;

    public Outcome<ApologyText> Check(string? did, string? effect, string? will)
    {
        var parts = new[] { (did, content.Apology.DidLabel), (effect, content.Apology.EffectLabel), (will, content.Apology.WillLabel) };
        foreach (var (text, label) in parts)
        {
            var words = text?.Trim() ?? "";
            if (TalkText.Problem(words, Apology.PartMaxLength) is { } problem)
            {
                return Outcome<ApologyText>.Fail(words.Length == 0 ? Text.Of("Please fill in \"{0}\": each part matters.", label) : problem);
            }
        }

        return Outcome<ApologyText>.Ok(new ApologyText(did!.Trim(), effect!.Trim(), will!.Trim()));
    }

    /// <summary>The soft start-up helper's reading of each part, and of the whole: harsh when any part is, else as the whole reads.</summary>
    public ApologyTone Tone(string? did, string? effect, string? will)
    {
        var (d, e, w) = (soft.Read(did), soft.Read(effect), soft.Read(will));
        var whole = d?.Flagged == true || e?.Flagged == true || w?.Flagged == true
            ? new ToneReading(ToneVerdict.Harsh, [.. d?.Findings ?? [], .. e?.Findings ?? [], .. w?.Findings ?? []], [])
            : soft.ReadTogether([did, effect, will]) ?? soft.Nothing;
        return new ApologyTone(whole, d, e, w);
    }

    public async Task<Outcome<bool>> SendAsync(string? did, string? effect, string? will, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Outcome<bool>.Fail(Text.Of("An apology goes to your partner: once they have joined your couple space, you can send one."));
        }

        if (await safety.ConcernAsync(cancellationToken))
        {
            return Outcome<bool>.Fail(content.Resting);
        }

        var text = Check(did, effect, will);
        if (!text.Succeeded)
        {
            return Outcome<bool>.Fail(text.Error!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var apology = new Apology { Id = Guid.NewGuid(), CoupleId = coupleId, FromId = viewer.MemberId, ToId = partnerId, SentAt = now };
        apology.Text = await sealer.SealAsync(JsonSerializer.Serialize(text.Value, Repairs.Json), apology.PlaceOf(nameof(Apology.Text)), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (await db.Apologies.CountAsync(a => a.FromId == viewer.MemberId && a.SentAt > now.AddDays(-1), cancellationToken) >= PerDay)
        {
            return Outcome<bool>.Fail(Text.Of("You've sent three apologies in the last day. Give your partner a little time with them."));
        }

        db.Apologies.Add(apology);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The couple's apologies, sent and received, newest first.</summary>
    public async Task<IReadOnlyList<ApologyView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var rows = await db.Apologies.AsNoTracking()
            .Where(a => a.CoupleId == coupleId && (a.FromId == viewer.MemberId || a.ToId == viewer.MemberId))
            .OrderByDescending(a => a.SentAt).ToListAsync(cancellationToken);
        var views = new List<ApologyView>();
        foreach (var row in rows)
        {
            if (await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(Apology.Text)), cancellationToken) is { } json
                && JsonSerializer.Deserialize<ApologyText>(json, Repairs.Json) is { } text)
            {
                views.Add(new ApologyView(text, row.SentAt, row.FromId == viewer.MemberId));
            }
        }

        return views;
    }
}
