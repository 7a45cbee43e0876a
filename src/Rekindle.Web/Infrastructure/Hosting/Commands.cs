using Rekindle.Web.Infrastructure.Backup;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>A command that lives with its feature: the services, the arguments, standard output and standard error in; the exit
/// code out (0 done, 1 refused, 2 usage).</summary>
public delegate Task<int> FeatureCommand(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error);

/// <summary>
/// The app's operator commands: `dotnet run --project src/Rekindle.Web -- &lt;command&gt;` (or
/// `Rekindle.Web &lt;command&gt;` when published). Each does its work and exits instead of serving.
/// <list type="bullet">
/// <item><c>backup &lt;file&gt;</c>: an online backup of a SQLite instance (safe while it runs).</item>
/// <item><c>restore &lt;file&gt; [--replace]</c>: puts a backup in place; the app must be stopped.</item>
/// <item><c>rotate-keys</c>: rotates every data key and re-seals.</item>
/// <item><c>send-test-email &lt;address&gt;</c>: one plain email, and a line saying how it went (Email/SendTestEmail).</item>
/// <item><c>professional add|list|remove</c>: professionals' accounts in practice mode (Features/Practice/PracticeAccountsCommands).</item>
/// <item><c>accounts list|create|confirm|disable|enable|reset-2fa|grant-operator|revoke-operator|registration|allow|disallow</c>:
/// the operator's accounts (Features/Operator/AccountsCommands).</item>
/// </list>
/// </summary>
public static class Commands
{
    /// <summary>The commands that live with their feature, by name.</summary>
    private static readonly Dictionary<string, FeatureCommand> Named = new()
    {
        [Features.Practice.PracticeAccountsCommands.Name] = Features.Practice.PracticeAccountsCommands.RunAsync,
        [Features.Operator.AccountsCommands.Name] = Features.Operator.AccountsCommands.RunAsync,
        [Email.SendTestEmail.Name] = Email.SendTestEmail.RunAsync,
    };

    /// <summary>Restore runs before migrations: it replaces the files they would open.</summary>
    public static async Task<bool> RunBeforeMigrationsAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "restore")
        {
            return false;
        }

        if (args.Length < 2 || args.Skip(2).Any(a => a != "--replace"))
        {
            return Fail("usage: restore <backup file> [--replace]", 2);
        }

        using var scope = app.Services.CreateScope();
        try
        {
            var manifest = await scope
                .ServiceProvider.GetRequiredService<Backups>()
                .RestoreAsync(args[1], replace: args.Contains("--replace"));
            Console.WriteLine(
                $"Restored the backup made at {manifest.MadeAt:yyyy-MM-dd HH:mm:ss} UTC. Start the app as usual: any newer migrations are applied then."
            );
            return true;
        }
        catch (BackupException e)
        {
            return Fail(e.Message, 1);
        }
    }

    public static async Task<bool> RunAfterMigrationsAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && Named.TryGetValue(args[0], out var command))
        {
            using var named = app.Services.CreateScope();
            Environment.ExitCode = await command(named.ServiceProvider, args, Console.Out, Console.Error);
            return true;
        }

        if (args.Length == 0 || args[0] is not ("backup" or "rotate-keys"))
        {
            return false;
        }

        using var scope = app.Services.CreateScope();
        if (args[0] == "rotate-keys")
        {
            var result = await scope.ServiceProvider.GetRequiredService<RotateKeys>().HandleAsync();
            Console.WriteLine(
                $"Rotated the keys of {result.Owners} owners and re-sealed {result.Resealed} values ({result.Unopenable} could not be opened: their owners were deleted; {result.Orphans} keys of deleted owners destroyed)."
            );
            return true;
        }

        if (args.Length != 2)
        {
            return Fail("usage: backup <new file>", 2);
        }

        try
        {
            var file = await scope.ServiceProvider.GetRequiredService<Backups>().BackupAsync(args[1]);
            Console.WriteLine(
                $"Backed up the database to {file} and the key store to {Backups.KeysFileOf(file)}. The master key is in neither: keep it apart, you need it to restore."
            );
            return true;
        }
        catch (BackupException e)
        {
            return Fail(e.Message, 1);
        }
    }

    private static bool Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        Environment.ExitCode = code;
        return true;
    }
}
