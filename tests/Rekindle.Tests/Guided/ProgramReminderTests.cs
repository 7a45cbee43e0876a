using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Push;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Guided;

/// <summary>
/// The program's one gentle reminder (decisions/0040, issue 25 point 2): off unless the member turned it on; once after the
/// chosen days without opening the week's session, never twice for a session, with no content, through the real loopback
/// SMTP and the push stand-in; the off switch is honored; after two sessions passed unopened, a kind offer of a slower pace.
/// </summary>
public abstract class ProgramReminderTests(RekindleFactory app)
{
    private const string Subject = "This week's session is waiting";

    private async Task<(TestBrowser Browser, string Email, TestPushSubscription Device)> MemberWithProgramAsync(
        TestPushService push,
        string name,
        bool reminders
    )
    {
        var (browser, email) = await MemberAsync(app, name);
        await browser.SubmitAsync(
            await browser.GetAsync("/account/notifications"),
            "preferences",
            new Dictionary<string, string>
            {
                ["timeZone"] = "UTC",
                ["quietFrom"] = "0",
                ["quietTo"] = "0",
            }
        );
        var device = push.Subscribe();
        await browser.SubmitAsync(await browser.GetAsync("/account/notifications"), "push-subscribe", device.Form());
        await TakeCheckAsync(app, browser, Ordinary);
        var fields = new Dictionary<string, string> { ["Pace"] = "weekly" };
        if (reminders)
        {
            fields["Reminders"] = "true";
        }

        await browser.SubmitAsync(await browser.GetAsync("/program"), "start", fields);
        return (browser, email, device);
    }

    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
    }

    private int MailsTo(string email) =>
        app.Mail.All.Count(m =>
            m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").Contains(Subject, StringComparison.Ordinal)
        );

    [Fact]
    public async Task One_reminder_after_four_days_never_twice_and_nothing_with_content()
    {
        using var push = new TestPushService();
        var (browser, email, device) = await MemberWithProgramAsync(push, "Orla", reminders: true);
        var (_, quietEmail, quietDevice) = await MemberWithProgramAsync(push, "Pim", reminders: false);
        var title = (await browser.GetAsync("/program")).TextOf("#session-1 h2");

        app.Clock.Advance(TimeSpan.FromDays(3));
        await RunJobAsync();
        Assert.Equal(0, MailsTo(email));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(RunJobAsync(), RunJobAsync());
        await RunJobAsync();
        Assert.Equal(1, MailsTo(email));
        Assert.Empty(push.Refused);
        var received = Assert.Single(push.For(device));
        app.Clock.Advance(TimeSpan.FromDays(2));
        await RunJobAsync();
        Assert.Equal(1, MailsTo(email));
        Assert.Single(push.For(device));

        var mail = app.Mail.All.Single(m =>
            m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").Contains(Subject, StringComparison.Ordinal)
        );
        Assert.Contains("/program", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/email/stop/", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("/program", JsonDocument.Parse(received.Plaintext).RootElement.GetProperty("path").GetString());
        foreach (var text in new[] { received.Plaintext, mail.Subject ?? "", mail.TextBody ?? "", mail.HtmlBody ?? "" })
        {
            foreach (var word in new[] { "Orla", title, "missed", "streak", "behind" })
            {
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Off unless turned on: the member who did not tick the box gets nothing.
        Assert.Equal(0, MailsTo(quietEmail));
        Assert.Empty(push.For(quietDevice));
    }

    [Fact]
    public async Task The_off_switch_is_honored_and_an_opened_session_needs_no_reminder()
    {
        using var push = new TestPushService();
        var (off, offEmail, _) = await MemberWithProgramAsync(push, "Quin", reminders: true);
        var (opened, openedEmail, _) = await MemberWithProgramAsync(push, "Rue", reminders: true);
        await off.SubmitAsync(
            await off.GetAsync("/program"),
            "reminders",
            new Dictionary<string, string> { ["On"] = "false", ["AfterDays"] = "2" }
        );
        await opened.GetAsync("/program/week/1");

        app.Clock.Advance(TimeSpan.FromDays(5));
        await RunJobAsync();
        Assert.Equal(0, MailsTo(offEmail));
        Assert.Equal(0, MailsTo(openedEmail));
    }

    [Fact]
    public async Task After_two_sessions_pass_unopened_a_slower_pace_is_offered_kindly_in_one_tap()
    {
        using var push = new TestPushService();
        var (browser, _, _) = await MemberWithProgramAsync(push, "Sol", reminders: false);
        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Null((await browser.GetAsync("/program")).Find("#slow-offer"));

        app.Clock.Advance(TimeSpan.FromDays(7));
        var page = await browser.GetAsync("/program");
        var offer = page.TextOf("#slow-offer");
        Assert.Contains("every two weeks", offer, StringComparison.Ordinal);
        foreach (var word in new[] { "missed", "streak", "behind", "failed" })
        {
            Assert.DoesNotContain(word, offer, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotNull((await browser.GetAsync("/")).Find("#waiting a[href='/program#pace']"));
        var slower = await browser.SubmitAsync(page, "slower");
        Assert.Null(slower.Find("#slow-offer"));
        Assert.Contains("every two weeks", slower.Text, StringComparison.Ordinal);
        // The current session stays where it was.
        Assert.NotNull(slower.Find("#session-3.current"));
    }
}

public sealed class ProgramReminderTestsOnSqlite(PushSqliteApp app) : ProgramReminderTests(app), IClassFixture<PushSqliteApp>;

public sealed class ProgramReminderTestsOnPostgres(PushPostgresApp app) : ProgramReminderTests(app), IClassFixture<PushPostgresApp>;
