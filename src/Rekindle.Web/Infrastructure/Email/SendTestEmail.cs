using System.Text.RegularExpressions;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Rekindle.Web.Infrastructure.Email;

/// <summary>
/// <c>Rekindle.Web send-test-email ADDRESS</c>: one plain email through the same mailer as every other, and one line
/// saying what happened. Exit codes: 0 sent or written, 1 could not send, 2 usage. Operator-facing, so in English, like
/// the other commands.
/// </summary>
public static partial class SendTestEmail
{
    public const string Name = "send-test-email";

    public const string Sentence = "This is a test from your Rekindle server.";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (args.Count != 2 || !MailboxAddress.TryParse(args[1], out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal))
        {
            await errors.WriteLineAsync("usage: send-test-email <address>");
            return 2;
        }

        var address = args[1].Trim();
        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var result = await services
            .GetRequiredService<Mailer>()
            .TrySendAsync(new Email(address, "A test from Rekindle", Sentence, $"<p>{Sentence}</p>"));
        if (result.Failure is { } failure)
        {
            await errors.WriteLineAsync("Could not send: " + Explain(failure));
            return 1;
        }

        await output.WriteLineAsync(
            result.WrittenTo is { } file
                ? $"Written to {file} (no SMTP server is set)."
                : $"Sent to {address} through {options.SmtpHost!.Trim()}:{options.Port} ({options.Security})."
        );
        return 0;
    }

    /// <summary>The exception's own words on one line; for a connection that could not be secured, what to do first.</summary>
    private static string Explain(Exception failure)
    {
        var message = Whitespace().Replace(failure.Message, " ").Trim();
        return failure is SslHandshakeException
            ? "the connection to the SMTP server could not be secured. If the server has its own self-signed certificate, set Email:SmtpCertificateSha256 to its fingerprint. ("
                + message
                + ")"
            : message;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
