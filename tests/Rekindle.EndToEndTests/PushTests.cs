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
    private const string Shown = """
        async () => (await self.registration.getNotifications()).map(n => ({ title: n.title, body: n.body, path: n.data && n.data.path }))
        """;

    [Fact]
    public async Task A_push_shows_the_fixed_notification_and_a_click_opens_its_path_here()
    {
        await using var context = await chromium.NewContextAsync();
        await context.GrantPermissionsAsync(["notifications"], new() { Origin = chromium.BaseUrl });
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Pia", Journeys.NewEmail("pia"));
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        var worker = context.ServiceWorkers.FirstOrDefault() ?? await context.WaitForServiceWorkerAsync();

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
            await worker.EvaluateAsync("async () => { for (const n of await self.registration.getNotifications()) n.close(); }");
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
                var shown = await worker.EvaluateAsync<JsonElement>(Shown);
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

        // The click: the worker takes the open Rekindle window to the notification's path.
        await page.GotoAsync("/");
        await worker.EvaluateAsync("async () => self.rekindleOpen((await self.registration.getNotifications())[0].data.path)");
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
        await worker.EvaluateAsync("async () => self.rekindleOpen('//evil.example/')");
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
