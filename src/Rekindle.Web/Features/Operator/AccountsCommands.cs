using System.Globalization;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// The operator's commands for accounts (decisions/0045, point 2), next to backup and rotate-keys:
/// <list type="bullet">
/// <item><c>accounts list</c>: every account's email, id, when made, confirmed, second factor, last sign-in, in a couple,
/// turned off, operator. Never a name.</item>
/// <item><c>accounts create EMAIL FIRSTNAME</c>: a confirmed partner's account, emailed a link to choose a password.</item>
/// <item><c>accounts confirm|disable|enable|reset-2fa|grant-operator|revoke-operator EMAIL</c>.</item>
/// <item><c>accounts registration [open|invite-only|closed]</c>: shows or sets who may sign up, without a restart.</item>
/// <item><c>accounts allow|disallow EMAIL_OR_@DOMAIN</c>: the allow-list for invite-only sign-up.</item>
/// </list>
/// Output: ids and emails only. Exit codes: 0 done, 1 refused (one line says why), 2 the command was typed wrong.
/// </summary>
public static class AccountsCommands
{
    public const string Name = "accounts";

    public const string Usage =
        "usage: accounts list | create <email> <first name> | confirm <email> | disable <email> | enable <email> | reset-2fa <email> | grant-operator <email> | revoke-operator <email> | registration [open|invite-only|closed] | allow <email or @domain> | disallow <email or @domain>";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var run = new Run(services, output, error);
        return args.Skip(1).ToArray() switch
        {
            ["list"] => await run.ListAsync(),
            ["create", var email, var firstName] => await run.CreateAsync(email, firstName),
            ["confirm", var email] => await run.OnAccountAsync(
                email,
                (id, s) => s.GetRequiredService<OperatorConfirmEmail>().HandleAsync(id, null),
                "Confirmed the email of {0} ({1}). They can sign in now."
            ),
            ["disable", var email] => await run.OnAccountAsync(
                email,
                (id, s) => s.GetRequiredService<OperatorDisable>().HandleAsync(id, null),
                "Turned off {0} ({1}) and ended all their sessions.",
                "Turned off {0} ({1}) and ended all their sessions, but the email telling them could not be sent."
            ),
            ["enable", var email] => await run.OnAccountAsync(
                email,
                (id, s) => s.GetRequiredService<OperatorEnable>().HandleAsync(id, null),
                "Turned on {0} ({1}). They can sign in again."
            ),
            ["reset-2fa", var email] => await run.OnAccountAsync(
                email,
                (id, s) => s.GetRequiredService<OperatorResetSecondFactor>().HandleAsync(id, null),
                "Reset the second sign-in step of {0} ({1}) and ended all their sessions. Their passkeys still work.",
                "Reset the second sign-in step of {0} ({1}) and ended all their sessions, but the email telling them could not be sent."
            ),
            ["grant-operator", var email] => await run.OnAccountAsync(
                email,
                (id, s) => s.GetRequiredService<OperatorGrant>().HandleAsync(id, isOperator: true),
                "{0} ({1}) is an operator now. The admin page opens for them once they have a second sign-in step."
            ),
            ["revoke-operator", var email] => await run.OnAccountAsync(
                email,
                (id, s) => s.GetRequiredService<OperatorGrant>().HandleAsync(id, isOperator: false),
                "{0} ({1}) is no longer an operator."
            ),
            ["registration"] => await run.ShowRegistrationAsync(),
            ["registration", var mode] when ModeOf(mode) is { } chosen => await run.SetRegistrationAsync(chosen),
            ["allow", var address] => await run.AllowAsync(address),
            ["disallow", var address] => await run.DisallowAsync(address),
            _ => await run.UsageAsync(),
        };
    }

    private static RegistrationMode? ModeOf(string typed) =>
        typed switch
        {
            "open" => RegistrationMode.Open,
            "invite-only" => RegistrationMode.InviteOnly,
            "closed" => RegistrationMode.Closed,
            _ => null,
        };

    private static string NameOf(RegistrationMode mode) =>
        mode switch
        {
            RegistrationMode.InviteOnly => "invite-only",
            RegistrationMode.Closed => "closed",
            _ => "open",
        };

    private sealed class Run(IServiceProvider services, TextWriter output, TextWriter error)
    {
        public async Task<int> UsageAsync()
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        public async Task<int> ListAsync()
        {
            var rows = await services.GetRequiredService<OperatorAccountList>().HandleAsync();
            if (rows.Count == 0)
            {
                await output.WriteLineAsync("No accounts yet.");
                return 0;
            }

            string[] header = ["email", "id", "created", "confirmed", "2nd factor", "last sign-in", "couple", "disabled", "operator"];
            var lines = rows.Select(r =>
                    new[]
                    {
                        r.Email,
                        r.Id.ToString(),
                        When(r.CreatedAt),
                        YesNo(r.Confirmed),
                        r.SecondFactor ? "authenticator"
                        : r.Passkey ? "passkey"
                        : "no",
                        r.LastSignInAt is { } at ? When(at) : "never",
                        YesNo(r.InCouple),
                        YesNo(r.Disabled),
                        YesNo(r.Operator),
                    }
                )
                .Prepend(header)
                .ToList();
            var widths = Enumerable.Range(0, header.Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
            foreach (var line in lines)
            {
                await output.WriteLineAsync(string.Join("  ", line.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            }

            return 0;
        }

        public async Task<int> CreateAsync(string email, string firstName)
        {
            var create = services.GetRequiredService<OperatorCreateAccount>();
            var created = await create.HandleAsync(email, firstName, null);
            if (!created.Succeeded)
            {
                return await RefusedAsync(created.Problem!);
            }

            var address = email.Trim();
            if (!create.Emailed)
            {
                await error.WriteLineAsync(
                    $"Made the account {address} ({created.Value}), but the email with the link could not be sent: check the Email settings, then ask them to use \"Forgot your password?\" on the sign-in page."
                );
                return 1;
            }

            await output.WriteLineAsync(
                $"Made the account {address} ({created.Value}) and emailed them a link to choose a password (it works for one day)."
            );
            return 0;
        }

        /// <summary>Finds the account by email, runs the action, and says in one line what happened.</summary>
        public async Task<int> OnAccountAsync(
            string email,
            Func<Guid, IServiceProvider, Task<Outcome<bool>>> action,
            string done,
            string? doneButNotEmailed = null
        )
        {
            var found = await services.GetRequiredService<OperatorFindAccount>().HandleAsync(email);
            if (!found.Succeeded)
            {
                return await RefusedAsync(found.Problem!);
            }

            var outcome = await action(found.Value, services);
            if (!outcome.Succeeded)
            {
                return await RefusedAsync(outcome.Problem!);
            }

            var address = email.Trim();
            if (doneButNotEmailed is not null && !outcome.Value)
            {
                await error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, doneButNotEmailed, address, found.Value));
                return 1;
            }

            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, done, address, found.Value));
            return 0;
        }

        public async Task<int> ShowRegistrationAsync()
        {
            var state = await services.GetRequiredService<RegistrationNow>().GetAsync();
            var source = state.FromDatabase ? "set by the operator" : "from the Registration:Mode setting";
            await output.WriteLineAsync($"Registration is {NameOf(state.Mode)} ({source}).");
            foreach (var address in state.AllowedFromSettings)
            {
                await output.WriteLineAsync($"allowed (setting)  {address}");
            }

            foreach (var address in state.AllowedAdded)
            {
                await output.WriteLineAsync($"allowed (added)    {address}");
            }

            return 0;
        }

        public async Task<int> SetRegistrationAsync(RegistrationMode mode)
        {
            var set = await services.GetRequiredService<OperatorSetRegistration>().HandleAsync(mode);
            if (!set.Succeeded)
            {
                return await RefusedAsync(set.Problem!);
            }

            await output.WriteLineAsync($"Registration is {NameOf(mode)} now, from the next sign-up on.");
            return 0;
        }

        public async Task<int> AllowAsync(string address)
        {
            var added = await services.GetRequiredService<OperatorAllowEmail>().AddAsync(address);
            if (!added.Succeeded)
            {
                return await RefusedAsync(added.Problem!);
            }

            await output.WriteLineAsync(
                $"Added {OperatorAllowEmail.Normalize(address)} to the addresses that may sign up while invite-only."
            );
            return 0;
        }

        public async Task<int> DisallowAsync(string address)
        {
            var allow = services.GetRequiredService<OperatorAllowEmail>();
            var found = await allow.FindAsync(address);
            var removed = found.Succeeded ? await allow.RemoveAsync(found.Value) : found.As<bool>();
            if (!removed.Succeeded)
            {
                return await RefusedAsync(removed.Problem!);
            }

            await output.WriteLineAsync($"Removed {OperatorAllowEmail.Normalize(address)} from the addresses that may sign up.");
            return 0;
        }

        private async Task<int> RefusedAsync(Problem problem)
        {
            await error.WriteLineAsync(problem.Message);
            return 1;
        }

        private static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static string YesNo(bool value) => value ? "yes" : "no";
    }
}
