using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rekindle.Testing;
using Xunit.Abstractions;

namespace Rekindle.EndToEndTests;

/// <summary>Issue 24: inviting in one step, and how many taps two new partners need to a first answered question.</summary>
public sealed class FirstStepsJourneyTests(ChromiumApp chromium, ITestOutputHelper output) : IClassFixture<ChromiumApp>
{
    /// <summary>What the walk achieves (issue 24 counted 9 taps and an email round trip for the one who invites).</summary>
    private const int InviterTaps = 6;

    private const int JoinerTaps = 7;

    [Fact]
    public async Task Copy_puts_the_invite_link_on_the_clipboard_and_share_shows_only_where_the_browser_can_share()
    {
        await using var context = await chromium.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = chromium.BaseUrl });

        // A browser without the Web Share API, whatever this platform's Chromium has.
        await context.AddInitScriptAsync("delete Navigator.prototype.share; delete navigator.share;");
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Ivo", Journeys.NewEmail("ivo"));
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Start our space", Exact = true }).ClickAsync();
        var link = (await page.Locator("#invite-link").TextContentAsync())!.Trim();
        Assert.StartsWith(chromium.BaseUrl + "/join?code=", link, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#share-invite")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#copy-status")).ToContainTextAsync("Copied.");
        Assert.Equal(link, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        // The QR code fits the phone's width and is big enough to scan.
        var qr = (await page.Locator("#invite-qr").BoundingBoxAsync())!;
        Assert.InRange(qr.Width, 150, 390);
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        // Where the browser can share (a stand-in share sheet here), Share appears and hands over the link alone.
        await context.AddInitScriptAsync("navigator.share = function (data) { window.shared = data; return Promise.resolve(); };");
        await page.GotoAsync("/couple");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new invite" }).ClickAsync();
        var second = (await page.Locator("#invite-link").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share the link" }).ClickAsync();
        Assert.Equal(second, await page.EvaluateAsync<string>("window.shared.url"));
        Assert.Equal(1, await page.EvaluateAsync<int>("Object.keys(window.shared).length"));
    }

    [Fact]
    public async Task Two_new_partners_reach_a_first_answered_daily_question_in_few_taps()
    {
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync();
        var ana = new Walker(await anaContext.NewPageAsync(), chromium.App);
        var ben = new Walker(await benContext.NewPageAsync(), chromium.App);
        var anaEmail = Journeys.NewEmail("ana");
        var benEmail = Journeys.NewEmail("ben");

        // Ana arrives on the landing page (typed or followed from elsewhere: not counted).
        await ana.Page.GotoAsync("/");
        await ana.TapAsync(ana.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Create an account" }));
        await ana.RegisterAsync("Ana", anaEmail);
        await ana.ConfirmAndSignInAsync(anaEmail);
        await Assertions.Expect(ana.Page.Locator("h1")).ToHaveTextAsync("Hello, Ana");
        await ana.TapAsync(ana.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Start our space", Exact = true }));
        var link = (await ana.Page.Locator("#invite-link").TextContentAsync())!.Trim();
        await ana.TapAsync(ana.Page.GetByRole(AriaRole.Link, new() { Name = "Answer today's question while you wait" }));
        await ana.AnswerAsync("Anafirstanswer: our slow Sunday breakfasts.");
        await Assertions.Expect(ana.Page.Locator("#partner-status")).ToContainTextAsync("When your partner joins");
        await Assertions.Expect(ana.Page.GetByRole(AriaRole.Button, new() { Name = "Save my answer" })).ToBeVisibleAsync();

        // Ben gets the link in a message from Ana; opening it is his first tap.
        await ben.TapAsync(link);
        await ben.TapAsync(ben.Page.GetByRole(AriaRole.Link, new() { Name = "Create my account" }));
        await ben.RegisterAsync("Ben", benEmail);
        await ben.ConfirmAndSignInAsync(benEmail);
        await Assertions.Expect(ben.Page).ToHaveURLAsync(new Regex("/join\\?code="));
        await ben.TapAsync(ben.Page.GetByRole(AriaRole.Button, new() { Name = "Join Ana" }));
        await ben.TapAsync(ben.Page.Locator("#daily").GetByRole(AriaRole.Link, new() { Name = "Answer" }));
        await ben.AnswerAsync("Benfirstanswer: the walk by the river.");
        await Assertions.Expect(ben.Page.Locator("main")).ToContainTextAsync("Anafirstanswer");

        output.WriteLine($"Ana (invites): {ana.Taps} taps, {ana.Emails} email opened (issue 24 counted 9 taps and 1 email).");
        output.WriteLine($"Ben (joins):   {ben.Taps} taps, {ben.Emails} email opened, counting the tap on Ana's link.");
        Assert.InRange(ana.Taps, 1, InviterTaps);
        Assert.InRange(ben.Taps, 1, JoinerTaps);
        Assert.Equal(1, ana.Emails);
        Assert.Equal(1, ben.Emails);
    }

    [Fact]
    public async Task Each_weekly_check_in_step_fits_one_phone_screen_and_says_where_you_are()
    {
        await using var first = await chromium.NewContextAsync();
        await using var second = await chromium.NewContextAsync(javaScript: false);
        var (_, kit) = await chromium.PairAsync(first, second, "Jon", "Kit");
        await kit.GotoAsync("/talk/check-in");
        for (var step = 1; step <= 4; step++)
        {
            await Assertions.Expect(kit.Locator("#checkin-step")).ToHaveTextAsync($"Step {step} of 4");
            var form = (await kit.Locator("#checkin-form").BoundingBoxAsync())!;
            output.WriteLine($"Check-in step {step}: the form ends at {form.Y + form.Height:0} px of 844.");
            Assert.True(form.Y + form.Height <= 844, $"Step {step} ends at {form.Y + form.Height} px, below the 844 px screen.");
            Assert.Equal(390, await kit.EvaluateAsync<int>("document.documentElement.scrollWidth"));
            if (step == 1)
            {
                await kit.Locator("label[for='pulse-6']").ClickAsync();
            }
            else if (step == 2)
            {
                await kit.GetByLabel("What went well between you this week?").FillAsync("A quiet evening in.");
            }

            if (step < 4)
            {
                await kit.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            }
        }

        await kit.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(kit.Locator("#checkin-status")).ToContainTextAsync("Yours is saved");
    }

    /// <summary>One person's phone: every click or form submit is a tap, every confirmation link followed is an email opened.</summary>
    private sealed class Walker(IPage page, RekindleFactory app)
    {
        public IPage Page { get; } = page;

        public int Taps { get; private set; }

        public int Emails { get; private set; }

        public async Task TapAsync(ILocator target)
        {
            Taps++;
            await target.ClickAsync();
        }

        public async Task TapAsync(string link)
        {
            Taps++;
            await Page.GotoAsync(link);
        }

        public async Task RegisterAsync(string firstName, string email)
        {
            await Page.GetByLabel("First name").FillAsync(firstName);
            await Page.GetByLabel("Email").FillAsync(email);
            await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journeys.GoodPassword);
            await Page.GetByLabel("Password again").FillAsync(Journeys.GoodPassword);
            await TapAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
            await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Check your email");
        }

        public async Task ConfirmAndSignInAsync(string email)
        {
            var message = await app.Mail.WaitForAsync(email, "Confirm your email");
            Emails++;
            await Page.GotoAsync(TestMailbox.LinkIn(message, "/account/confirm-email"));
            await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journeys.GoodPassword);
            await TapAsync(Page.Locator("#confirm-sign-in").GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        }

        public async Task AnswerAsync(string text)
        {
            await Page.GetByLabel("Your answer").FillAsync(text);
            await TapAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Share my answer" }));
        }
    }
}
