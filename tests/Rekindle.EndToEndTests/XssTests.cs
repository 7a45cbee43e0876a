using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Rekindle.Testing.Journeys;

namespace Rekindle.EndToEndTests;

/// <summary>
/// docs/TRUST.md T7: every payload of the corpus is saved in every text field a person can fill, and
/// reflected through every query value a page echoes, then each page is opened in Chromium with the
/// Content Security Policy bypassed, so the test proves the encoding itself, not only the policy.
/// </summary>
public sealed class XssTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    private const string Hook = "window.__xss = n => { (window.__fired = window.__fired || []).push(n); };";

    private static List<string> Payloads() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "xss-payloads.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

    [Fact]
    public async Task No_payload_in_any_field_or_reflected_value_ever_runs()
    {
        var payloads = Payloads();
        Assert.True(payloads.Count >= 50, $"The corpus has {payloads.Count} payloads; docs/TRUST.md asks for at least 50.");

        var app = chromium.App;
        var (ana, anaEmail) = await MemberAsync(app, "Ana");
        var (ben, benEmail) = await MemberAsync(app, "Ben");
        await JoinAsync(ben, await InviteAsync(ana));
        var (cai, caiEmail) = await MemberAsync(app, "Cai");
        var inviteFromCai = await InviteAsync(cai);

        await using var anaContext = await SignedInContextAsync(anaEmail);
        await using var benContext = await SignedInContextAsync(benEmail);
        await using var anonymous = await chromium.NewContextAsync(bypassCsp: true);
        await anonymous.AddInitScriptAsync(Hook);
        var anaPage = await anaContext.NewPageAsync();
        var benPage = await benContext.NewPageAsync();
        var strangerPage = await anonymous.NewPageAsync();
        var dialogs = 0;
        foreach (var page in new[] { anaPage, benPage, strangerPage })
        {
            page.Dialog += async (_, dialog) =>
            {
                dialogs++;
                await dialog.DismissAsync();
            };
        }

        var failures = new List<string>();
        foreach (var payload in payloads)
        {
            // Stored: the payload becomes Ana's and Cai's first name, shown on many pages.
            await RenameAsync(payload, anaEmail, caiEmail);

            // Stored: the payload as a note from Ana, on Ben's home page and on Ana's Spontaneity page.
            await SendNoteAsync(payload, anaEmail);

            // Reflected: query values that pages echo into inputs and links.
            var escaped = Uri.EscapeDataString(payload);

            // The three browsers are independent, so they look at their pages at the same time.
            await Task.WhenAll(
                CheckAllAsync(anaPage, payload, failures, "/", "/account/security", "/spontaneity"),
                CheckAllAsync(benPage, payload, failures, "/", "/couple"),
                CheckAllAsync(
                    strangerPage,
                    payload,
                    failures,
                    "/join?code=" + inviteFromCai,
                    "/join?code=" + escaped,
                    "/account/login?returnUrl=" + escaped,
                    "/account/register?invite=" + escaped,
                    "/account/reset-password?memberId=" + escaped + "&code=" + escaped
                )
            );
        }

        // The export's readable page, opened as a file would be: from a blank page, where none of the app's
        // headers apply, so a payload the export failed to encode would run (written into one of the app's
        // pages, that page's policy would stop it whatever the file held).
        var data = await ana.GetAsync("/account/data");
        var exported = await ana.SubmitAsync(data, "/account/export/html");
        await anaPage.GotoAsync("about:blank");
        // As a function body: an expression whose value is a function would be called by Playwright.
        await anaPage.EvaluateAsync("() => { " + Hook + " }");
        await anaPage.SetContentAsync(exported.Html);
        await anaPage.WaitForTimeoutAsync(200);
        var firedInExport = await anaPage.EvaluateAsync<int[]>("window.__fired || []");
        if (firedInExport.Length > 0)
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "xss-export.html"), exported.Html);
            failures.Add($"the exported page ran payload {string.Join(',', firedInExport)}");
        }

        Assert.True(failures.Count == 0 && dialogs == 0, $"Scripts ran ({dialogs} dialogs): " + string.Join("; ", failures.Take(20)));
    }

    private static async Task CheckAllAsync(IPage page, string payload, List<string> failures, params string[] paths)
    {
        foreach (var path in paths)
        {
            await CheckAsync(page, path, payload, failures);
        }
    }

    private static async Task CheckAsync(IPage page, string path, string payload, List<string> failures)
    {
        var response = await page.GotoAsync(path);
        if (response is null || response.Status >= 500)
        {
            lock (failures)
            {
                failures.Add($"{path} answered {response?.Status}");
            }

            return;
        }

        var fired = await page.EvaluateAsync<int[]>("window.__fired || []");
        if (fired.Length > 0)
        {
            lock (failures)
            {
                failures.Add($"payload {string.Join(',', fired)} ran on {path.Split('?')[0]} ({payload})");
            }
        }
    }

    private async Task<IBrowserContext> SignedInContextAsync(string email)
    {
        var context = await chromium.NewContextAsync(bypassCsp: true);
        await context.AddInitScriptAsync(Hook);
        var page = await context.NewPageAsync();
        await ChromiumApp.SignInAsync(page, email);
        await page.WaitForURLAsync(chromium.BaseUrl + "/");
        await page.CloseAsync();
        return context;
    }

    /// <summary>Stores a note from the member to their partner, sealed as the app seals it (past the ten-a-day limit).</summary>
    private async Task SendNoteAsync(string text, string fromEmail)
    {
        using var scope = chromium.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Data.AppDbContext>();
        var sealer = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Sealing.Sealer>();
        var from = await db.Users.Where(u => u.Email == fromEmail).Select(u => u.Id).SingleAsync();
        var couple = await db.CoupleMembers.Where(m => m.MemberId == from).Select(m => m.CoupleId).SingleAsync();
        var to = await db.CoupleMembers.Where(m => m.CoupleId == couple && m.MemberId != from).Select(m => m.MemberId).SingleAsync();
        var note = new Rekindle.Web.Features.Spontaneity.AppreciationNote
        {
            Id = Guid.NewGuid(),
            CoupleId = couple,
            FromId = from,
            ToId = to,
            SentAt = chromium.App.Clock.GetUtcNow().UtcDateTime,
        };
        note.Text = await sealer.SealAsync(text, note.PlaceOf(nameof(note.Text)));
        db.AppreciationNotes.Add(note);
        await db.SaveChangesAsync();
        chromium.App.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    /// <summary>Sets first names the way the app stores them: sealed with each member's own key.</summary>
    private async Task RenameAsync(string name, params string[] emails)
    {
        using var scope = chromium.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Data.AppDbContext>();
        var names = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Features.Account.MemberNames>();
        foreach (var member in await db.Users.Where(u => emails.Contains(u.Email)).ToListAsync())
        {
            await names.SetAsync(member, name);
        }

        await db.SaveChangesAsync();
    }
}
