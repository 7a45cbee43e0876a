using System.Globalization;
using System.Text;
using System.Text.Json;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Tests.MyData;

/// <summary>The readable export reads as people read; the JSON beside it stays as machines read it.</summary>
public sealed class ReadableExportTests
{
    private sealed class Events : IExportSection
    {
        public string Name => "account";

        public Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

        public string? Readable(string property, string value) => property == "what" && value == "SignedIn" ? "Signed in" : null;
    }

    private static Dictionary<string, object?> Document() =>
        new()
        {
            ["account"] = new
            {
                Profile = new { EmailConfirmed = true, AuthenticatorApp = false },
                SecurityLog = new[] { new { At = new DateTime(2026, 6, 2, 23, 30, 0, DateTimeKind.Utc), What = "SignedIn" } },
            },
        };

    [Fact]
    public void Times_are_in_the_readers_zone_and_culture_yes_and_no_are_words_and_event_names_are_plain()
    {
        string html;
        using (CultureScope.Use(CultureInfo.GetCultureInfo("en-US")))
        using (MemberTime.Use(MemberPreferences.FindZone("America/New_York")))
        {
            html = Encoding.UTF8.GetString(ExportMyData.ToHtml(Document(), [new Events()]));
        }

        Assert.Contains("June 2, 2026, 7:30", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-06-02", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Yes</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>No</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("true", html, StringComparison.Ordinal);
        Assert.DoesNotContain("false", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Signed in</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SignedIn", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_keeps_iso_times_booleans_and_event_names()
    {
        using var json = JsonDocument.Parse(ExportMyData.ToJson(Document()));
        var account = json.RootElement.GetProperty("account");
        Assert.True(account.GetProperty("profile").GetProperty("emailConfirmed").GetBoolean());
        var entry = account.GetProperty("securityLog")[0];
        Assert.Equal("2026-06-02T23:30:00Z", entry.GetProperty("at").GetString());
        Assert.Equal("SignedIn", entry.GetProperty("what").GetString());
    }

    [Fact]
    public void The_account_section_names_every_security_event_in_words()
    {
        IExportSection account = new AccountExport(null!, null!, null!, null!);
        foreach (var kind in Enum.GetValues<SecurityEventKind>())
        {
            var words = account.Readable("what", kind.ToString());
            Assert.False(string.IsNullOrWhiteSpace(words));
            Assert.NotEqual(kind.ToString(), words);
            Assert.NotEqual("Account activity", words);
        }

        Assert.Null(account.Readable("device", "SignedIn"));
    }
}
