using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Keys;

namespace Rekindle.Web.Features.Push;

/// <summary>A device with notifications on, as the member's own pages show it: which session it belongs to.</summary>
public sealed record PushDeviceView(Guid Id, Guid SessionId, DateTime CreatedAt);

/// <summary>
/// What the push use cases share: the member's devices, the keyed hash of an address, and forgetting ended sessions' devices.
/// </summary>
public sealed class PushDevices(AppDbContext db, MasterKey master, IOptions<PushOptions> options)
{
    internal const string EndpointPurpose = "push-endpoints";

    public bool Enabled => options.Value.Enabled;

    public async Task<List<PushDeviceView>> MineAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        await db
            .PushDevices.AsNoTracking()
            .Where(d => d.MemberId == memberId)
            .OrderBy(d => d.CreatedAt)
            .Select(d => new PushDeviceView(d.Id, d.SessionId, d.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Devices whose session has ended show nothing any more: a signed-out phone gets no notification.</summary>
    public Task<int> ForgetEndedAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        db
            .PushDevices.Where(d => d.MemberId == memberId && !db.MemberSessions.Any(s => s.Id == d.SessionId && s.EndedAt == null))
            .ExecuteDeleteAsync(cancellationToken);

    internal string HashOf(string endpoint) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(master.Derive(EndpointPurpose), Encoding.UTF8.GetBytes(endpoint)));
}
