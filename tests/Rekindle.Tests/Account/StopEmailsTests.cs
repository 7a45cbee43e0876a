using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Account;

/// <summary>
/// Issue 24, point 3 (decisions/0035): "your partner is waiting" emails on by default and the daily reminder off; every
/// email that can be turned off carries RFC 8058's one-click List-Unsubscribe and a visible link, whose sealed token
/// stops that kind (or all) without signing in; opening the link changes nothing; a changed, foreign or old token gets
/// a friendly page (or problem details on the one-click address); the account's safety emails stay on and say so.
/// Through the real loopback SMTP server.
/// </summary>
public abstract class StopEmailsTests(RekindleFactory app)
{
    private async Task<(TestBrowser A, TestBrowser B, string BEmail, MimeMessage Message)> PartnerAnsweredEmailAsync()
    {
        var (a, _) = await MemberAsync(app, "Ada");
        var (b, bEmail) = await MemberAsync(app, "Bo");
        await JoinAsync(b, await InviteAsync(a));

        // No quiet hours, so the email goes out at the test's hour; every switch as a new member has it.
        await b.SubmitAsync(
            await b.GetAsync("/account/notifications"),
            "preferences",
            new Dictionary<string, string> { ["quietFrom"] = "0", ["quietTo"] = "0" }
        );
        var talk = await a.GetAsync("/talk");
        await a.SubmitAsync(talk, "daily", new Dictionary<string, string> { ["text"] = "An answer", ["go"] = "answer" });
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
        }

        return (a, b, bEmail, await app.Mail.WaitForAsync(bEmail, "their turn"));
    }

    private static string OneClickOf(MimeMessage message)
    {
        var header = message.Headers[HeaderId.ListUnsubscribe];
        Assert.NotNull(header);
        Assert.StartsWith("<", header, StringComparison.Ordinal);
        Assert.EndsWith(">", header, StringComparison.Ordinal);
        return header.Trim('<', '>');
    }

    private static async Task<bool> BoxAsync(TestBrowser browser, string id) =>
        (await browser.GetAsync("/account/notifications")).Find($"#{id}")!.HasAttribute("checked");

    [Fact]
    public async Task A_new_member_gets_partner_news_but_not_the_daily_reminder()
    {
        var (member, _) = await MemberAsync(app, "Fresh");
        Assert.True(await BoxAsync(member, "notice-answered"));
        Assert.True(await BoxAsync(member, "notice-date-news"));
        Assert.False(await BoxAsync(member, "notice-daily"));
        Assert.False(await BoxAsync(member, "notice-checkin"));
    }

    [Fact]
    public async Task A_notice_email_has_one_click_headers_and_a_link_that_asks_before_it_stops_only_that_kind()
    {
        var (_, b, _, message) = await PartnerAnsweredEmailAsync();

        // RFC 8058: an https address in List-Unsubscribe, and List-Unsubscribe-Post saying one click.
        var oneClick = new Uri(OneClickOf(message));
        Assert.Equal("https", oneClick.Scheme);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.EndsWith("/one-click", oneClick.AbsolutePath, StringComparison.Ordinal);

        // The visible link, in both parts; the token names no member.
        var link = TestMailbox.LinkIn(message, "/email/stop/");
        Assert.Contains("Stop these emails", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(link, message.HtmlBody, StringComparison.Ordinal);
        var memberIds = await app.WithDbAsync(db => db.Users.Select(u => u.Id).ToListAsync());
        Assert.DoesNotContain(memberIds, id =>
            link.Contains(id.ToString("N"), StringComparison.OrdinalIgnoreCase)
            || link.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)
        );

        // Opening it, as a mail scanner does, changes nothing, and no sign-in is needed.
        var stranger = app.NewBrowser();
        var page = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("#stop-emails"));
        Assert.Contains("your partner has had their turn", page.TextOf("#stop-what"), StringComparison.OrdinalIgnoreCase);
        Assert.True(await BoxAsync(b, "notice-answered"));

        // The button does it: that kind only.
        var done = await stranger.SubmitAsync(page, "stop-emails", new Dictionary<string, string> { ["scope"] = "this" });
        Assert.NotNull(done.Find("#stop-done"));
        Assert.False(await BoxAsync(b, "notice-answered"));
        Assert.True(await BoxAsync(b, "notice-date-news"));

        // A GET of the one-click address only shows the page; "stop all" turns every reminder email off.
        var again = await stranger.GetAsync(oneClick.PathAndQuery);
        Assert.Equal("/email/stop/" + link.Split('/')[^1], again.Url.AbsolutePath);
        await stranger.SubmitAsync(again, "stop-emails", new Dictionary<string, string> { ["scope"] = "all" });
        Assert.False(await BoxAsync(b, "notice-date-news"));
        Assert.False(await BoxAsync(b, "notice-day-before"));
    }

    [Fact]
    public async Task A_mail_programs_one_click_post_stops_that_kind_without_a_cookie_or_a_form_token()
    {
        var (_, b, _, message) = await PartnerAnsweredEmailAsync();
        var oneClick = new Uri(OneClickOf(message)).PathAndQuery;
        using var client = app.CreateClient(
            new()
            {
                BaseAddress = new Uri("https://localhost"),
                AllowAutoRedirect = false,
                HandleCookies = false,
            }
        );

        // Without the RFC 8058 body: refused, as problem details, and nothing changes.
        var bare = await client.PostAsync(oneClick, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("application/problem+json", bare.Content.Headers.ContentType?.MediaType);
        Assert.True(await BoxAsync(b, "notice-answered"));

        var stopped = await client.PostAsync(oneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.False(await BoxAsync(b, "notice-answered"));
        Assert.True(await BoxAsync(b, "notice-date-news"));

        // Twice is fine; and the next partner answer sends no email.
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsync(oneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode
        );
    }

    [Fact]
    public async Task A_changed_foreign_or_old_token_gets_a_friendly_page_and_changes_nothing()
    {
        var (a, b, _, message) = await PartnerAnsweredEmailAsync();
        var link = TestMailbox.LinkIn(message, "/email/stop/");
        var token = link.Split('/')[^1];
        var stranger = app.NewBrowser();

        // One character changed.
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var tampered = await stranger.GetAsync("/email/stop/" + flipped);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Contains("This link doesn't work any more", tampered.TextOf("#stop-problem"), StringComparison.Ordinal);
        Assert.Null(tampered.Find("#stop-emails"));

        // Nonsense, and on the one-click address: problem details.
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync("/email/stop/not-a-token")).Status);
        using var client = app.CreateClient(
            new()
            {
                BaseAddress = new Uri("https://localhost"),
                AllowAutoRedirect = false,
                HandleCookies = false,
            }
        );
        var refused = await client.PostAsync(
            $"/email/stop/{flipped}/one-click",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("doesn't work any more", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A token sealed for another purpose (here, any other protector of this instance) is not one.
        var protection = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        var payload = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token);
        var foreign = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
            protection.CreateProtector("Something.Else").Protect(payload)
        );
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync("/email/stop/" + foreign)).Status);

        // A token for a member who is not (or no longer) here.
        var links = app.Services.GetRequiredService<UnsubscribeLinks>();
        var gone = await stranger.GetAsync("/email/stop/" + links.TokenFor(Guid.NewGuid(), NoticeEmail.All));
        Assert.Equal(HttpStatusCode.BadRequest, gone.Status);

        // Signed in as the partner, Bo's link still only ever changes Bo's emails.
        var opened = await a.GetAsync(link);
        await a.SubmitAsync(opened, "stop-emails", new Dictionary<string, string> { ["scope"] = "all" });
        Assert.True(await BoxAsync(a, "notice-answered"));
        Assert.False(await BoxAsync(b, "notice-answered"));

        // Nothing above changed Bo's other switches.
        Assert.False(await BoxAsync(b, "notice-date-news"));
    }

    [Fact]
    public async Task A_link_stops_working_after_its_lifetime()
    {
        var (_, _, bEmail, message) = await PartnerAnsweredEmailAsync();
        var link = TestMailbox.LinkIn(message, "/email/stop/");
        app.Clock.Advance(UnsubscribeLinks.Lifetime + TimeSpan.FromDays(1));
        var old = await app.NewBrowser().GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        Assert.NotNull(old.Find("#stop-problem"));

        // (The member's own session has long ended too: read the switch from the database.)
        Assert.True(
            await app.WithDbAsync(db =>
                db.MemberPreferences.Where(p => db.Users.Any(u => u.Id == p.MemberId && u.NormalizedEmail == bEmail.ToUpperInvariant()))
                    .Select(p => p.NoticePartnerAnswered)
                    .SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Account_safety_emails_have_no_unsubscribe_and_say_they_are_always_sent()
    {
        var (browser, email) = await MemberAsync(app, "Safe");
        var forgot = await browser.GetAsync("/account/forgot-password");
        await browser.SubmitAsync(forgot, "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var reset = await app.Mail.WaitForAsync(email, "Reset your Rekindle password");
        Assert.Null(reset.Headers[HeaderId.ListUnsubscribe]);
        Assert.Contains("always sent", reset.TextBody, StringComparison.Ordinal);

        var confirm = await app.Mail.WaitForAsync(email, "Confirm your email");
        Assert.Null(confirm.Headers[HeaderId.ListUnsubscribe]);
        Assert.Contains("always sent", confirm.TextBody, StringComparison.Ordinal);
    }
}

public sealed class StopEmailsTestsOnSqlite(SqliteApp app) : StopEmailsTests(app), IClassFixture<SqliteApp>;

public sealed class StopEmailsTestsOnPostgres(PostgresApp app) : StopEmailsTests(app), IClassFixture<PostgresApp>;
