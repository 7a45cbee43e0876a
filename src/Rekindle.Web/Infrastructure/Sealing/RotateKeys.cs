using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>
/// Key rotation: every owner gets a new data key version, then a re-seal pass opens each sealed
/// value and seals it again with the newest key, a batch at a time. Values that cannot be opened
/// (their owner's keys were destroyed) are left as they are. Safe to run again after an interruption.
/// </summary>
public sealed class RotateKeys(AppDbContext db, KeyRing keys, Sealer sealer, ILogger<RotateKeys> logger)
{
    private const int Batch = 200;

    public sealed record Result(int Owners, int Resealed, int Unopenable, int Orphans = 0);

    public async Task<Result> HandleAsync(CancellationToken cancellationToken = default)
    {
        var members = (await db.Users.Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        var couples = (await db.Couples.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var connections = (await db.ProfessionalConnections.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var owners = new List<KeyOwner>();
        var orphans = 0;
        foreach (var owner in await keys.OwnersAsync(cancellationToken))
        {
            // The instance's own key (VAPID) seals nothing and every push subscription is bound to it: left as it is.
            if (owner.Kind == KeyOwnerKind.Instance)
            {
                continue;
            }

            // A key whose owner is gone (a process died between deleting the rows and the key) is destroyed now.
            var living = owner.Kind switch
            {
                KeyOwnerKind.Member => members,
                KeyOwnerKind.Couple => couples,
                _ => connections,
            };
            if (!living.Contains(owner.Id))
            {
                await keys.DestroyAsync(owner, cancellationToken);
                orphans++;
                continue;
            }

            await keys.RotateAsync(owner, cancellationToken);
            owners.Add(owner);
        }

        var resealed = 0;
        var unopenable = 0;
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => typeof(ISealedRecord).IsAssignableFrom(t.ClrType)))
        {
            var sealedProperties = entityType
                .ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(SealedText))
                .ToList();
            var method = typeof(RotateKeys)
                .GetMethod(nameof(ResealAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType);
            var (done, failed) = await (Task<(int, int)>)method.Invoke(this, [sealedProperties, cancellationToken])!;
            resealed += done;
            unopenable += failed;
        }

        logger.LogInformation(
            "Rotated keys of {Owners} owners; re-sealed {Resealed} values; {Unopenable} could not be opened; destroyed the keys of {Orphans} owners no longer here",
            owners.Count,
            resealed,
            unopenable,
            orphans
        );
        return new Result(owners.Count, resealed, unopenable, orphans);
    }

    private async Task<(int Resealed, int Unopenable)> ResealAsync<T>(List<PropertyInfo> properties, CancellationToken cancellationToken)
        where T : class, ISealedRecord
    {
        int resealed = 0,
            unopenable = 0,
            skip = 0;
        while (true)
        {
            // A stable order, so each batch is a fresh page of rows.
            var rows = await db.Set<T>().OrderBy(r => EF.Property<object>(r, "Id")).Skip(skip).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                foreach (var property in properties)
                {
                    if (property.GetValue(row) is not SealedText value)
                    {
                        continue;
                    }

                    var place = row.PlaceOf(property.Name);
                    var (latest, _) = await keys.CurrentAsync(place.Owner, cancellationToken);
                    if (Sealer.VersionOf(value) == latest)
                    {
                        continue;
                    }

                    string text;
                    try
                    {
                        text = await sealer.OpenAsync(value, place, cancellationToken);
                    }
                    catch (SealedValueUnreadableException)
                    {
                        // Logged with its place and row id by the sealer; the pass goes on with the rest.
                        unopenable++;
                        continue;
                    }

                    property.SetValue(row, await sealer.SealAsync(text, place, cancellationToken));
                    resealed++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            skip += rows.Count;
        }

        return (resealed, unopenable);
    }
}
