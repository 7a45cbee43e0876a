using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.TimeTogether;

/// <summary>Steps of the scheduling journeys, written once.</summary>
public static class DateJourney
{
    public static async Task<(TestBrowser A, string AEmail, TestBrowser B, string BEmail)> CoupleAsync(
        RekindleFactory app,
        string a = "Ash",
        string b = "Bea"
    )
    {
        var (first, firstEmail) = await MemberAsync(app, a);
        var (second, secondEmail) = await MemberAsync(app, b);
        await JoinAsync(second, await InviteAsync(first));
        return (first, firstEmail, second, secondEmail);
    }

    /// <summary>A local day this many days after the app's clock, as a date input sends it.</summary>
    public static string Day(RekindleFactory app, int daysAhead) =>
        app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Page> ProposeAsync(TestBrowser browser, string title, params (string Day, string Time)[] times)
    {
        var page = await browser.GetAsync("/time-together/plan");
        var fields = new Dictionary<string, string> { ["title"] = title, ["minutes"] = "120" };
        for (var i = 0; i < times.Length; i++)
        {
            fields[$"times[{i}].day"] = times[i].Day;
            fields[$"times[{i}].time"] = times[i].Time;
        }

        return await browser.SubmitAsync(page, "propose", fields);
    }

    public static Guid IdOf(Page page) => Guid.Parse(page.Url.AbsolutePath.Split('/')[^1]);

    /// <summary>Proposes with one time and has the partner accept it.</summary>
    public static async Task<Guid> AgreeAsync(TestBrowser proposer, TestBrowser partner, string title, string day, string time)
    {
        var id = IdOf(await ProposeAsync(proposer, title, (day, time)));
        var page = await partner.GetAsync($"/time-together/dates/{id}");
        var option = page.Find("button[name=optionId]")!.GetAttribute("value")!;
        var accepted = await partner.SubmitAsync(page, "accept", new Dictionary<string, string> { ["optionId"] = option });
        if (accepted.Find("#date-message")?.TextContent.Contains("You both said yes", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException("Accepting failed: " + accepted.Text);
        }

        return id;
    }

    public static async Task SetZoneAsync(TestBrowser browser, string zone, IDictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["timeZone"] = zone,
            ["quietFrom"] = "0",
            ["quietTo"] = "0",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string>())
        {
            fields[k] = v;
        }

        await browser.SubmitAsync(await browser.GetAsync("/account/notifications"), "preferences", fields);
    }

    public static async Task<SendDueNotices.Result> RunJobAsync(RekindleFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
    }
}
