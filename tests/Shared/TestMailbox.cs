using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rekindle.Testing;

public enum MailboxSecurity
{
    Plain,
    StartTls,
    Tls,
}

/// <summary>A real SMTP server on loopback that keeps what it receives, so tests read emails the way people do.</summary>
public sealed partial class TestMailbox : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    /// <summary>
    /// A mailbox on a free loopback port. <paramref name="security"/>: plain (the default), STARTTLS, or TLS from the first
    /// byte, with a self-signed certificate made here (<see cref="CertificateSha256"/>); with <paramref name="userName"/>,
    /// only a client that signs in with it and <paramref name="password"/> may send.
    /// </summary>
    public TestMailbox(MailboxSecurity security = MailboxSecurity.Plain, string? userName = null, string? password = null)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (security != MailboxSecurity.Plain)
                {
                    e.Certificate(Certificate.Value).IsSecure(security == MailboxSecurity.Tls);
                }

                if (userName is not null)
                {
                    e.AuthenticationRequired(true).AllowUnsecureAuthentication(security == MailboxSecurity.Plain);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        if (userName is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, secret) => user == userName && secret == password));
        }

        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
    }

    /// <summary>The SHA-256 fingerprint of every TLS mailbox's certificate, as an operator would copy it from openssl.</summary>
    public static string CertificateSha256 =>
        string.Join(':', Convert.ToHexString(Certificate.Value.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));

    /// <summary>Self-signed for localhost and 127.0.0.1, as an operator's own mail server's often is; made once a test run.</summary>
    private static readonly Lazy<X509Certificate2> Certificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var made = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
        // Through PKCS#12, so the private key is one the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    });

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
