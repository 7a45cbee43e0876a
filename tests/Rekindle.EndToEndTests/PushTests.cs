using System.Text.Json;
using Microsoft.Playwright;
using Rekindle.Testing;

namespace Rekindle.EndToEndTests;

/// <summary>
/// Web Push in Chromium (issue 24 point 2, decisions/0034): a push message delivered to the real service
/// worker (through the DevTools protocol, as a push service would) shows the fixed notification, a click
/// opens the path on this site and nowhere else, and the notifications page's "Notify this device" shows
/// only with a script, explained plainly without one.
/// </summary>
public sealed class PushTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    // From the page: the registration's notifications, as the worker showed them.
    private const string Shown = """
        async () => (await (await navigator.serviceWorker.ready).getNotifications())
            .map(n => ({ title: n.title, body: n.body, path: n.data && n.data.path }))
        """;

    private const string CloseAll =
        "async () => { for (const n of await (await navigator.serviceWorker.ready).getNotifications()) n.close(); }";

    [Fact]
    public async Task A_push_shows_the_fixed_notification_and_a_click_opens_its_path_here()
    {
        await using var context = await chromium.NewContextAsync();
        await context.GrantPermissionsAsync(["notifications"], new() { Origin = chromium.BaseUrl });
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Pia", Journeys.NewEmail("pia"));
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        var cdp = await context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (r.GetProperty("scopeURL").GetString()!.StartsWith(chromium.BaseUrl, StringComparison.Ordinal))
                {
                    registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(20));

        async Task<JsonElement> DeliverAsync(string data)
        {
            await page.EvaluateAsync(CloseAll);
            await cdp.SendAsync(
                "ServiceWorker.deliverPushMessage",
                new Dictionary<string, object>
                {
                    ["origin"] = chromium.BaseUrl,
                    ["registrationId"] = registrationId,
                    ["data"] = data,
                }
            );
            for (var i = 0; i < 100; i++)
            {
                var shown = await page.EvaluateAsync<JsonElement>(Shown);
                if (shown.GetArrayLength() > 0)
                {
                    return shown[0];
                }

                await Task.Delay(100);
            }

            throw new TimeoutException("No notification was shown");
        }

        var notification = await DeliverAsync("""{"title":"Rekindle","body":"Something is waiting for you in Rekindle.","path":"/talk"}""");
        Assert.Equal("Rekindle", notification.GetProperty("title").GetString());
        Assert.Equal("Something is waiting for you in Rekindle.", notification.GetProperty("body").GetString());
        Assert.Equal("/talk", notification.GetProperty("path").GetString());

        // The click: the worker's handler takes the open Rekindle window to the notification's path.
        await page.GotoAsync("/");
        await using var worker = await WorkerConsole.AttachAsync(chromium);
        await worker.EvaluateAsync("self.registration.getNotifications().then(n => self.rekindleOpen(n[0].data.path)).then(() => 'ok')");
        await page.WaitForURLAsync(chromium.BaseUrl + "/talk");

        // A path to somewhere else, or no readable payload, opens this site's home, with the fixed line.
        foreach (
            var hostile in new[] { """{"title":"Rekindle","body":"x","path":"//evil.example/"}""", """{"path":"https://evil.example/"}""" }
        )
        {
            Assert.Equal("/", (await DeliverAsync(hostile)).GetProperty("path").GetString());
        }

        var empty = await DeliverAsync("not json");
        Assert.Equal("Rekindle", empty.GetProperty("title").GetString());
        Assert.Equal("Something is waiting for you in Rekindle.", empty.GetProperty("body").GetString());
        Assert.Equal("/", empty.GetProperty("path").GetString());
        await worker.EvaluateAsync("self.rekindleOpen('//evil.example/').then(() => 'ok')");
        await page.WaitForURLAsync(chromium.BaseUrl + "/");
    }

    [Fact]
    public async Task Notify_this_device_shows_with_a_script_and_is_explained_plainly_without_one()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = Journeys.NewEmail("quin");
        await chromium.RegisterAndSignInAsync(page, "Quin", email);
        await page.GotoAsync("/account/notifications");
        await Assertions.Expect(page.Locator("#push-button")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#push-no-script")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#push-reveals")).ToContainTextAsync("never what, or from whom");

        await using var noScript = await chromium.NewContextAsync(javaScript: false);
        var plain = await noScript.NewPageAsync();
        await ChromiumApp.SignInAsync(plain, email);
        await plain.GotoAsync("/account/notifications");
        await Assertions.Expect(plain.Locator("#push-no-script")).ToBeVisibleAsync();
        await Assertions.Expect(plain.Locator("#push-button")).ToBeHiddenAsync();
    }
}

/// <summary>
/// Evaluates in the service worker itself, through the browser's DevTools protocol (Playwright for .NET does
/// not expose service workers): attaches to the worker's target and runs Runtime.evaluate there.
/// </summary>
internal sealed class WorkerConsole : IAsyncDisposable
{
    private readonly ICDPSession _cdp;
    private readonly string _session;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _waiting = new();
    private int _next;

    private WorkerConsole(ICDPSession cdp, string session)
    {
        _cdp = cdp;
        _session = session;
        _cdp.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
        {
            if (e?.GetProperty("sessionId").GetString() != _session)
            {
                return;
            }

            var message = JsonDocument.Parse(e.Value.GetProperty("message").GetString()!).RootElement.Clone();
            if (message.TryGetProperty("id", out var id) && _waiting.TryRemove(id.GetInt32(), out var reply))
            {
                reply.TrySetResult(message);
            }
        };
    }

    public static async Task<WorkerConsole> AttachAsync(ChromiumApp chromium)
    {
        var cdp = await chromium.Browser.NewBrowserCDPSessionAsync();
        var targets = await cdp.SendAsync("Target.getTargets");
        var worker = targets!
            .Value.GetProperty("targetInfos")
            .EnumerateArray()
            .First(t =>
                t.GetProperty("type").GetString() == "service_worker" && t.GetProperty("url").GetString() == chromium.BaseUrl + "/sw.js"
            );
        var attached = await cdp.SendAsync(
            "Target.attachToTarget",
            new Dictionary<string, object> { ["targetId"] = worker.GetProperty("targetId").GetString()!, ["flatten"] = false }
        );
        return new WorkerConsole(cdp, attached!.Value.GetProperty("sessionId").GetString()!);
    }

    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var id = Interlocked.Increment(ref _next);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = reply;
        var message = JsonSerializer.Serialize(
            new
            {
                id,
                method = "Runtime.evaluate",
                @params = new
                {
                    expression,
                    awaitPromise = true,
                    returnByValue = true,
                },
            }
        );
        await _cdp.SendAsync(
            "Target.sendMessageToTarget",
            new Dictionary<string, object> { ["message"] = message, ["sessionId"] = _session }
        );
        var result = await reply.Task.WaitAsync(TimeSpan.FromSeconds(20));
        if (result.GetProperty("result").TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException("In the service worker: " + error);
        }

        return result.GetProperty("result").GetProperty("result");
    }

    public async ValueTask DisposeAsync() => await _cdp.DetachAsync();
}
