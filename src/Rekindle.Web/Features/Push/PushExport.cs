using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Push;

/// <summary>
/// The member's devices with notifications on: when each was turned on and the sign-in it belongs to. Never the
/// push service's address or the device's keys: they only serve to reach that browser, and are sealed at rest.
/// </summary>
public sealed class PushExport(PushDevices devices, GetSessions sessions) : IExportSection
{
    public string Name => "notifications";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var mine = await devices.MineAsync(memberId, cancellationToken);
        if (mine.Count == 0)
        {
            return null;
        }

        var signIns = (await sessions.HandleAsync(memberId)).ToDictionary(s => s.Id);
        return new
        {
            NotifiedDevices = mine.Select(d =>
            {
                var session = signIns.GetValueOrDefault(d.SessionId);
                return new
                {
                    TurnedOn = d.CreatedAt,
                    Device = session?.Device ?? Sessions.UnknownDevice,
                    SignedIn = session?.CreatedAt,
                };
            }),
        };
    }
}
