using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.MyData;

public abstract class MyDataTests(RekindleFactory app)
{
    [Fact]
    public async Task The_export_holds_the_members_own_data_and_only_what_the_couple_shares()
    {
        var (yara, yaraEmail) = await MemberAsync(app, "Yara");
        var (zed, zedEmail) = await MemberAsync(app, "Zed");
        await JoinAsync(zed, await InviteAsync(yara));

        var page = await yara.GetAsync("/account/data");
        var token = page.Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var response = await yara.Client.PostAsync("/account/export/json", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Yara", document.RootElement.GetProperty("account").GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal("Zed", document.RootElement.GetProperty("couple").GetProperty("partner").GetProperty("firstName").GetString());
        Assert.NotEqual(0, document.RootElement.GetProperty("account").GetProperty("securityLog").GetArrayLength());
        Assert.DoesNotContain(zedEmail, json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(yaraEmail, json, StringComparison.OrdinalIgnoreCase);

        var html = await yara.SubmitAsync(await yara.GetAsync("/account/data"), "/account/export/html");
        Assert.Contains("Your Rekindle data", html.Text, StringComparison.Ordinal);
        Assert.Contains("Zed", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("SignedIn", html.Text, StringComparison.Ordinal);
        Assert.Contains("Signed in", html.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", html.Text);
        Assert.Contains("Your data was exported", (await yara.GetAsync("/account/activity")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_removes_the_member_at_once_and_the_partner_is_only_told_they_left()
    {
        const string marker = "Umbrellamarker";
        var (member, email) = await MemberAsync(app, marker);
        var (partner, _) = await MemberAsync(app, "Ada");
        await JoinAsync(partner, await InviteAsync(member));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var confirm = await member.GetAsync("/account/delete");
        Assert.Equal("/account/confirm-password", confirm.Url.AbsolutePath);
        Assert.Contains("delete your account", confirm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("change how you sign in", confirm.Text, StringComparison.Ordinal);
        var page = await member.SubmitAsync(
            confirm,
            "confirm-password",
            new Dictionary<string, string> { ["Input.Password"] = GoodPassword }
        );
        Assert.Equal("/account/delete", page.Url.AbsolutePath);

        var unticked = await member.SubmitAsync(page, "delete-account");
        Assert.Contains("Tick the box", unticked.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountMembersAsync(app, email));

        var done = await member.SubmitAsync(unticked, "delete-account", new Dictionary<string, string> { ["confirmDelete"] = "yes" });
        Assert.Contains("Your account is deleted", done.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountMembersAsync(app, email));
        Assert.Equal("/account/login", (await member.GetAsync("/couple")).Url.AbsolutePath);
        Assert.Contains("don't match an account", (await SignInAsync(member, email)).Text, StringComparison.Ordinal);

        var partnerHome = await partner.GetAsync("/");
        Assert.Contains("Your partner left the couple space", partnerHome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, partnerHome.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.MemberSessions.AnyAsync(s => !db.Users.Any(u => u.Id == s.MemberId))));

        if (app.Provider == TestProvider.Sqlite)
        {
            // Not lingering in the database file or its write-ahead log either.
            foreach (var bytes in await app.DatabaseFilesAsync())
            {
                Assert.DoesNotContain(marker, bytes, StringComparison.Ordinal);
                Assert.DoesNotContain(email, bytes, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}

public sealed class MyDataTestsOnSqlite(SqliteApp app) : MyDataTests(app), IClassFixture<SqliteApp>;

public sealed class MyDataTestsOnPostgres(PostgresApp app) : MyDataTests(app), IClassFixture<PostgresApp>;
