using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Rekindle.Bench;

/// <summary>The kinds of request in the mix, with their share (docs/PERFORMANCE.md) and the route they map to here.</summary>
public enum Kind
{
    Today,
    PartnerStatus,
    Progress,
    Dates,
    History,
    Answer,
    CreateDate,
    Static,
    Login,
}

public sealed record StepResult(
    double OfferedRate,
    double DurationSeconds,
    long Requests,
    long Errors,
    double Throughput,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    Dictionary<string, KindResult> Kinds,
    Dictionary<string, long> ErrorSamples,
    double P99WithoutSignInMs)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    /// <summary>docs/PERFORMANCE.md: sustainable when p99 ≤ 100 ms and errors ≤ 0.1%.</summary>
    public bool Sustainable => P99Ms <= 100 && ErrorRate <= 0.001;
}

public sealed record KindResult(long Requests, long Errors, double P50Ms, double P99Ms, double MaxMs);

/// <summary>
/// The logged-in, open-model workload: partners each with their own cookie jar sign in once through
/// the real form, then requests start on a fixed schedule whatever the server's speed (latency is
/// measured from the planned start, so a slow server cannot slow the load down and hide its queue).
/// </summary>
public sealed partial class Workload(Func<HttpMessageHandler> handlers, Uri baseAddress, Action<string>? log = null, TimeSpan? timeout = null)
{
    public static readonly IReadOnlyList<(Kind Kind, int Percent)> Mix =
    [
        (Kind.Today, 25), (Kind.PartnerStatus, 15), (Kind.Progress, 15), (Kind.Dates, 15), (Kind.History, 10),
        (Kind.Answer, 10), (Kind.CreateDate, 3), (Kind.Static, 5), (Kind.Login, 2),
    ];

    /// <summary>A request slower than this counts as an error (10 s by default).</summary>
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(10);

    private readonly List<Partner> _partners = [];
    private readonly Random _random = new(20251125);
    private string _stylesheet = "/css/app.css";

    public int Partners => _partners.Count;

    /// <summary>Signs in two partners of each chosen couple, a few at a time, and reads the tokens their forms need.</summary>
    public async Task SignInAsync(IEnumerable<int> couples, int parallel = 4, CancellationToken cancellationToken = default)
    {
        var emails = couples.SelectMany(c => new[] { Seeder.Email(c, 1), Seeder.Email(c, 2) }).ToList();
        var signedIn = new ConcurrentBag<Partner>();
        await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (email, ct) =>
        {
            var client = NewClient();
            if (await LoginAsync(client, email, ct) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            var talk = await client.GetStringAsync("/talk", ct);
            var plan = await client.GetStringAsync("/time-together/plan", ct);
            signedIn.Add(new Partner(email, client, Token(talk), Hidden(talk, "question"), Token(plan)));
            if (Stylesheet().Match(talk) is { Success: true } css)
            {
                _stylesheet = WebUtility.HtmlDecode(css.Groups[1].Value);
            }
        });
        _partners.AddRange(signedIn.OrderBy(p => p.Email, StringComparer.Ordinal));
        log?.Invoke($"signed in {_partners.Count} partners");
    }

    /// <summary>Runs one step: <paramref name="rate"/> requests a second for <paramref name="seconds"/>, then waits for the stragglers.</summary>
    public async Task<StepResult> RunStepAsync(double rate, double seconds, CancellationToken cancellationToken = default)
    {
        if (_partners.Count == 0)
        {
            throw new InvalidOperationException("Sign in first.");
        }

        var total = (int)Math.Round(rate * seconds);
        var samples = new Sample[total];
        var tasks = new List<Task>(total);
        var errors = new ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var planned = TimeSpan.FromSeconds(i / rate);
            var wait = planned - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(1), cancellationToken);
            }

            var kind = Pick();
            var partner = _partners[_random.Next(_partners.Count)];
            var index = i;
            tasks.Add(Task.Run(async () => samples[index] = await ExecuteAsync(kind, partner, clock, planned, errors), cancellationToken));
        }

        await Task.WhenAll(tasks);
        var elapsed = Math.Max(seconds, clock.Elapsed.TotalSeconds);
        var latencies = samples.Select(s => s.Milliseconds).Order().ToArray();
        var kinds = samples.GroupBy(s => s.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g =>
        {
            var sorted = g.Select(s => s.Milliseconds).Order().ToArray();
            return new KindResult(sorted.Length, g.Count(s => !s.Ok), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
        });
        return new StepResult(rate, Math.Round(elapsed, 2), total, samples.Count(s => !s.Ok), Math.Round(total / elapsed, 1),
            Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), Math.Round(latencies[^1], 2),
            kinds, new Dictionary<string, long>(errors),
            // The 2% of fresh sign-ins each spend one Argon2id hash (decision 0023): shown apart, so the page figures are visible too.
            Percentile(samples.Where(s => s.Kind != Kind.Login).Select(s => s.Milliseconds).Order().ToArray(), 0.99));
    }

    private async Task<Sample> ExecuteAsync(Kind kind, Partner partner, Stopwatch clock, TimeSpan planned, ConcurrentDictionary<string, long> errors)
    {
        string? problem;
        try
        {
            using var cts = new CancellationTokenSource(_timeout);
            problem = await RequestAsync(kind, partner, cts.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            problem = ex is OperationCanceledException ? "timeout" : ex.GetType().Name + ": " + ex.Message;
        }

        var ms = (clock.Elapsed - planned).TotalMilliseconds;
        if (problem is not null)
        {
            errors.AddOrUpdate($"{kind}: {problem}", 1, (_, n) => n + 1);
        }

        return new Sample(kind, ms, problem is null);
    }

    /// <summary>One request of the mix; null when it went as a browser would expect, else what went wrong.</summary>
    private async Task<string?> RequestAsync(Kind kind, Partner partner, CancellationToken ct)
    {
        switch (kind)
        {
            case Kind.Today: return await GetAsync(partner.Client, "/talk", ct);
            case Kind.PartnerStatus: return await GetAsync(partner.Client, "/talk/conversation/state", ct);
            case Kind.Progress: return await GetAsync(partner.Client, "/progress", ct);
            case Kind.Dates: return await GetAsync(partner.Client, "/time-together/dates", ct);
            case Kind.History: return await GetAsync(partner.Client, "/talk/archive", ct);
            case Kind.Answer:
                return await PostAsync(partner.Client, "/talk", new Dictionary<string, string>
                {
                    ["_handler"] = "daily",
                    ["__RequestVerificationToken"] = partner.TalkToken,
                    ["question"] = partner.Question,
                    ["answer"] = "Today I noticed how you made time for us. " + Environment.TickCount64.ToString(CultureInfo.InvariantCulture),
                    ["go"] = "answer",
                }, ct);
            case Kind.CreateDate:
                var day = TimeProvider.System.GetUtcNow().AddDays(7 + _random.Next(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return await PostAsync(partner.Client, "/time-together/plan", new Dictionary<string, string>
                {
                    ["_handler"] = "propose",
                    ["__RequestVerificationToken"] = partner.PlanToken,
                    ["title"] = "Walk by the river",
                    ["minutes"] = "120",
                    ["day1"] = day,
                    ["time1"] = "19:00",
                }, ct);
            case Kind.Static:
                using (var request = new HttpRequestMessage(HttpMethod.Get, _stylesheet))
                {
                    if (partner.StylesheetTag is { } tag)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
                    }

                    using var response = await partner.Client.SendAsync(request, ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    partner.StylesheetTag ??= response.Headers.ETag?.ToString();
                    return response.StatusCode is HttpStatusCode.NotModified or HttpStatusCode.OK ? null : $"status {(int)response.StatusCode}";
                }

            case Kind.Login:
                using (var fresh = NewClient())
                {
                    return await LoginAsync(fresh, partner.Email, ct);
                }

            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static async Task<string?> GetAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"status {(int)response.StatusCode}";
    }

    private static async Task<string?> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(url, content, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        // A form either redirects (saved) or shows the page again with a message (e.g. the answer is locked once both answered).
        return (int)response.StatusCode is 200 or 302 or 303 ? null : $"status {(int)response.StatusCode}";
    }

    /// <summary>The real sign-in form: read it for its antiforgery token, post it, expect the redirect home.</summary>
    private static async Task<string?> LoginAsync(HttpClient client, string email, CancellationToken ct)
    {
        var form = await client.GetStringAsync("/account/login", ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Email"] = email,
            ["Input.Password"] = Seeder.Password,
        });
        using var response = await client.PostAsync("/account/login", content, ct);
        var home = response.Headers.Location is { } location ? new Uri(client.BaseAddress!, location).AbsolutePath : null;
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && home == "/"
            ? null
            : $"sign-in failed for {email}: status {(int)response.StatusCode} to {response.Headers.Location}";
    }

    private HttpClient NewClient() =>
        new(new CookieJar(new CookieContainer()) { InnerHandler = handlers() }, disposeHandler: true) { BaseAddress = baseAddress, Timeout = _timeout };

    private Kind Pick()
    {
        var roll = _random.Next(100);
        foreach (var (kind, percent) in Mix)
        {
            if ((roll -= percent) < 0)
            {
                return kind;
            }
        }

        return Kind.Today;
    }

    private static string Token(string html) => Hidden(html, "__RequestVerificationToken");

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    /// <summary>One browser's cookies, kept by hand so the same code drives Kestrel and the in-process test server.</summary>
    private sealed class CookieJar(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://localhost"), request.RequestUri);
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(uri, value);
                }
            }

            return response;
        }
    }

    private readonly record struct Sample(Kind Kind, double Milliseconds, bool Ok);

    private sealed class Partner(string email, HttpClient client, string talkToken, string question, string planToken)
    {
        public string Email { get; } = email;

        public HttpClient Client { get; } = client;

        public string TalkToken { get; } = talkToken;

        public string Question { get; } = question;

        public string PlanToken { get; } = planToken;

        public string? StylesheetTag { get; set; }
    }
}
