using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rekindle.Testing;

/// <summary>A real SMTP server on loopback that keeps what it receives, so tests read emails the way people do.</summary>
public sealed partial class TestMailbox : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public TestMailbox()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> All => [.. _messages];

    public async Task<MimeMessage> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        var until = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(15)).TotalMilliseconds;
        while (Environment.TickCount64 < until)
        {
            var found = _messages.LastOrDefault(m =>
                m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase))
                && (m.Subject ?? "").Contains(subjectContains, StringComparison.OrdinalIgnoreCase)
            );
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(
            $"No email '{subjectContains}' arrived for {to}. Received: {string.Join(", ", _messages.Select(m => m.Subject))}"
        );
    }

    /// <summary>The first link in the message's text whose path starts with <paramref name="path"/>, made relative to the site.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        foreach (Match match in LinkPattern().Matches(text))
        {
            var uri = new Uri(match.Value);
            if (uri.AbsolutePath.StartsWith(path, StringComparison.Ordinal))
            {
                return uri.PathAndQuery;
            }
        }

        throw new InvalidOperationException($"No link to {path} in: {text}");
    }

    private int _disposed;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: a test may stop an instance early (a restart) and its fixture disposes it again.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException) { }

        _stop.Dispose();
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken
        )
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
