using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Rekindle.Testing;

/// <summary>One subscription made by a stand-in browser: the keys only it holds, and what the app must be told.</summary>
public sealed class TestPushSubscription(string endpoint, ECDiffieHellman key, byte[] authSecret) : IDisposable
{
    public string Endpoint { get; } = endpoint;

    public ECDiffieHellman Key { get; } = key;

    public byte[] AuthSecret { get; } = authSecret;

    /// <summary>The browser's public key as <c>PushSubscription.toJSON().keys.p256dh</c> gives it (base64url, uncompressed).</summary>
    public string P256dh
    {
        get
        {
            var q = Key.ExportParameters(false).Q;
            return Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]);
        }
    }

    public string Auth => Base64Url.EncodeToString(AuthSecret);

    /// <summary>The status the push service answers for this subscription: 201, or 404/410 for one that is gone.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.Created;

    public Dictionary<string, string> Form() =>
        new()
        {
            ["endpoint"] = Endpoint,
            ["p256dh"] = P256dh,
            ["auth"] = Auth,
        };

    public void Dispose() => Key.Dispose();
}

/// <summary>A message the stand-in push service accepted: its VAPID claims, and the payload it decrypted.</summary>
public sealed record ReceivedPush(
    string Endpoint,
    string Plaintext,
    JsonElement Claims,
    string VapidPublicKey,
    string? Ttl,
    string? Urgency
);

/// <summary>
/// A stand-in for a browser maker's push service, on loopback (decisions/0034). For every message it checks
/// the VAPID header (RFC 8292: <c>vapid t=JWT, k=key</c>, an ES256 signature made with that key, the audience
/// its own origin, an expiry in the next 24 hours) and decrypts the aes128gcm body (RFC 8188) with the
/// subscription's private key and auth secret as RFC 8291 says, written here apart from the app's library,
/// so a test sees exactly what a device would. Anything wrong is answered 400 and noted in <see cref="Refused"/>.
/// </summary>
public sealed class TestPushService : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, TestPushSubscription> _subscriptions = new();
    private readonly CancellationTokenSource _stop = new();

    public TestPushService()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        Origin = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Origin { get; }

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>A new browser subscription at this service: a fresh P-256 key pair and a 16-byte auth secret.</summary>
    public TestPushSubscription Subscribe()
    {
        var subscription = new TestPushSubscription(
            $"{Origin}/push/{Guid.NewGuid():N}",
            ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256),
            RandomNumberGenerator.GetBytes(16)
        );
        _subscriptions[new Uri(subscription.Endpoint).AbsolutePath] = subscription;
        return subscription;
    }

    public IReadOnlyList<ReceivedPush> For(TestPushSubscription subscription) =>
        Received.Where(r => r.Endpoint == subscription.Endpoint).ToList();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                context.Response.StatusCode = (int)Handle(context.Request);
            }
            catch (Exception e)
            {
                Refused.Enqueue(e.GetType().Name + ": " + e.Message);
                context.Response.StatusCode = 400;
            }

            context.Response.Close();
        }
    }

    private HttpStatusCode Handle(HttpListenerRequest request)
    {
        if (request.HttpMethod != "POST" || !_subscriptions.TryGetValue(request.Url!.AbsolutePath, out var subscription))
        {
            Refused.Enqueue("unknown subscription " + request.Url?.AbsolutePath);
            return HttpStatusCode.NotFound;
        }

        var (claims, vapidKey) = CheckVapid(request.Headers["Authorization"]);
        if (request.Headers["Content-Encoding"] != "aes128gcm")
        {
            throw new InvalidDataException("Content-Encoding is not aes128gcm: " + request.Headers["Content-Encoding"]);
        }

        using var body = new MemoryStream();
        request.InputStream.CopyTo(body);
        var plaintext = Decrypt(body.ToArray(), subscription);
        if (subscription.Answer != HttpStatusCode.Created)
        {
            return subscription.Answer;
        }

        Received.Enqueue(
            new ReceivedPush(subscription.Endpoint, plaintext, claims, vapidKey, request.Headers["TTL"], request.Headers["Urgency"])
        );
        return HttpStatusCode.Created;
    }

    // RFC 8292: "vapid t=<JWT>, k=<public key>"; the JWT is ES256 over "header.payload", signed by k's private key.
    private (JsonElement Claims, string Key) CheckVapid(string? header)
    {
        if (header is null || !header.StartsWith("vapid ", StringComparison.Ordinal))
        {
            throw new InvalidDataException("No vapid Authorization header: " + header);
        }

        var parameters = header[6..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        var token = parameters["t"];
        var key = Base64Url.DecodeFromChars(parameters["k"]);
        if (key.Length != 65 || key[0] != 0x04)
        {
            throw new InvalidDataException("k is not an uncompressed P-256 point");
        }

        var parts = token.Split('.');
        using var verifier = ECDsa.Create(
            new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = key[1..33], Y = key[33..] },
            }
        );
        if (
            !verifier.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                Base64Url.DecodeFromChars(parts[2]),
                HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation
            )
        )
        {
            throw new InvalidDataException("The VAPID signature does not verify with k");
        }

        var jwtHeader = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        if (jwtHeader.GetProperty("alg").GetString() != "ES256")
        {
            throw new InvalidDataException("alg is not ES256");
        }

        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
        // The push service's origin. The library writes it as scheme and host only, which is the origin for every
        // real push service (all on the default https port); this stand-in, on a port of its own, accepts that form too.
        var audience = claims.GetProperty("aud").GetString();
        if (audience != Origin && audience != "http://127.0.0.1")
        {
            throw new InvalidDataException("aud is not this push service's origin: " + audience);
        }

        // The real clock: a push service knows nothing of the app's test clock.
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        var now = TimeProvider.System.GetUtcNow();
        if (expires <= now || expires > now.AddHours(24))
        {
            throw new InvalidDataException("exp is not within the next 24 hours: " + expires);
        }

        var subject = claims.GetProperty("sub").GetString() ?? "";
        if (!subject.StartsWith("mailto:", StringComparison.Ordinal) && !subject.StartsWith("https:", StringComparison.Ordinal))
        {
            throw new InvalidDataException("sub is neither mailto: nor https:");
        }

        return (claims, parameters["k"]);
    }

    // RFC 8188 with RFC 8291's keys: salt(16) | rs(4) | idlen(1) | keyid = the sender's one-time public key;
    // one record; plaintext | 0x02 | zero padding.
    private static string Decrypt(byte[] body, TestPushSubscription subscription)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var senderKey = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        if (idLength != 65 || senderKey[0] != 0x04 || record.Length > recordSize)
        {
            throw new InvalidDataException("Not one aes128gcm record from a P-256 sender key");
        }

        using var sender = ECDiffieHellman.Create(
            new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..] },
            }
        );
        var shared = subscription.Key.DeriveRawSecretAgreement(sender.PublicKey);
        var receiverKey = Base64Url.DecodeFromChars(subscription.P256dh);
        byte[] keyInfo = [.. "WebPush: info"u8, 0, .. receiverKey, .. senderKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, subscription.AuthSecret, keyInfo);
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, [.. "Content-Encoding: aes128gcm"u8, 0]);
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, [.. "Content-Encoding: nonce"u8, 0]);

        var plain = new byte[record.Length - 16];
        using (var aes = new AesGcm(contentKey, 16))
        {
            aes.Decrypt(nonce, record.AsSpan(0, plain.Length), record.AsSpan(plain.Length), plain);
        }

        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0)
        {
            end--;
        }

        if (end < 0 || plain[end] != 0x02)
        {
            throw new InvalidDataException("The last record does not end with the 0x02 delimiter");
        }

        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Dispose();
        }
    }
}
