using System.Globalization;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// The operator's commands for professionals' accounts (decisions/0044), next to backup and rotate-keys:
/// <list type="bullet">
/// <item><c>professional add &lt;email&gt; &lt;name&gt; [--admin]</c>: makes the account and emails a link to choose a password.</item>
/// <item><c>professional list</c>: each professional's email, role and number of active connections.</item>
/// <item><c>professional remove &lt;email&gt;</c>: deletes the account; its connections go with it.</item>
/// </list>
/// Exit codes: 0 done, 1 refused (the line says why), 2 the command was typed wrong.
/// </summary>
public static class PracticeAccountsCommands
{
    public const string Name = "professional";

    public const string Usage = "usage: professional add <email> <name> [--admin] | professional list | professional remove <email>";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        switch (args.Skip(1).ToArray())
        {
            case ["add", var email, var name, .. var rest] when rest is [] or ["--admin"]:
                return await AddAsync(services, email, name, admin: rest is ["--admin"], output, error);
            case ["list"]:
                return await ListAsync(services, output);
            case ["remove", var email]:
                return await RemoveAsync(services, email, output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> AddAsync(
        IServiceProvider services,
        string email,
        string name,
        bool admin,
        TextWriter output,
        TextWriter error
    )
    {
        if (!services.GetRequiredService<IOptions<PracticeOptions>>().Value.Enabled)
        {
            await error.WriteLineAsync("Practice mode is off: set Practice:Enabled=true first, or the account could not sign in.");
            return 1;
        }

        var invited = await services.GetRequiredService<InviteProfessional>().HandleAsync(new CreateProfessionalInput(email, name, admin));
        if (!invited.Succeeded)
        {
            await error.WriteLineAsync(invited.Error);
            return 1;
        }

        var role = admin ? "a practice admin" : "a professional";
        var address = invited.Value!.Member.Email;
        if (!invited.Value.Emailed)
        {
            await error.WriteLineAsync(
                $"Added {address} as {role}, but the email with the link could not be sent: check the Email settings, then ask them to use \"Forgot your password?\" on the sign-in page."
            );
            return 1;
        }

        await output.WriteLineAsync($"Added {address} as {role} and emailed them a link to choose a password (it works for one day).");
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        var rows = await services.GetRequiredService<ListProfessionals>().HandleAsync();
        if (rows.Count == 0)
        {
            await output.WriteLineAsync("No professional accounts yet.");
            return 0;
        }

        await output.WriteLineAsync("email\trole\tactive connections");
        foreach (var row in rows)
        {
            var role = row.Role == MemberRole.PracticeAdmin ? "practice admin" : "professional";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.Email}\t{role}\t{row.ActiveConnections}"));
        }

        return 0;
    }

    private static async Task<int> RemoveAsync(IServiceProvider services, string email, TextWriter output, TextWriter error)
    {
        var removed = await services.GetRequiredService<RemoveProfessional>().HandleAsync(email);
        if (!removed.Succeeded)
        {
            await error.WriteLineAsync(removed.Error);
            return 1;
        }

        await output.WriteLineAsync($"Removed the account of {email.Trim()} and its connections.");
        return 0;
    }
}
