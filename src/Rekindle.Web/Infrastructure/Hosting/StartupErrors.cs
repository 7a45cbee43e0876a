using Microsoft.Extensions.Options;

namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>
/// A setting that stops the start. The message names the setting (for example <c>Keys:MasterKeyPath</c>) and says what
/// would work; Program prints it as one line, without a stack trace (<see cref="StartupErrors"/>).
/// </summary>
public sealed class BadSettingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Start-up that explains itself (decisions/0045, point 8): a bad setting stops the app with one line on standard error,
/// <c>Rekindle cannot start: ...</c>, and exit code 1. Bad settings are <see cref="BadSettingException"/> and the options'
/// own validation (<see cref="OptionsValidationException"/>); anything else is a fault and surfaces as usual, with its trace.
/// </summary>
public static class StartupErrors
{
    public const string Prefix = "Rekindle cannot start: ";

    private static int _listening;

    /// <summary>
    /// Catches, for the whole process, an exception nothing else caught: when it is a bad setting, prints the line and
    /// exits with 1 before the runtime prints its trace. Registered once, at the top of Program, so it covers building the
    /// host, loading keys and content, migrations and the host's start.
    /// </summary>
    public static void ExplainBadSettings()
    {
        if (Interlocked.Exchange(ref _listening, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception && Explain(exception) is { } line)
            {
                Console.Error.WriteLine(Prefix + line);
                Console.Error.Flush();
                Environment.Exit(1);
            }
        };
    }

    /// <summary>The one line for a bad setting, or null when the exception is something else.</summary>
    public static string? Explain(Exception exception) =>
        exception switch
        {
            BadSettingException bad => OneLine(bad.Message),
            OptionsValidationException invalid => OneLine(string.Join(" ", invalid.Failures)),
            AggregateException { InnerExceptions.Count: > 0 } all when all.InnerExceptions.All(e => Explain(e) is not null) => string.Join(
                " ",
                all.InnerExceptions.Select(e => Explain(e))
            ),
            _ => null,
        };

    /// <summary>Runs every options check registered with ValidateOnStart now, before keys, content and migrations use them.</summary>
    public static void CheckSettings(this WebApplication app) => app.Services.GetService<IStartupValidator>()?.Validate();

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
