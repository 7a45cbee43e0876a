using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Rekindle.Testing.Journeys;

namespace Rekindle.EndToEndTests;

/// <summary>
/// Issue 24 point 8, controls a thumb can hit: every page the app serves, at 390×844, signed out and as each
/// member of a couple in the middle of things (a date proposed, a conversation waiting, a repair under way), as a
/// member without a partner yet, and half-way through a two-step sign-in. On each page every visible control is
/// at least 44×44 CSS px, nothing scrolls sideways, and no control hides under a fixed bar at the bottom. The
/// page heights are printed (and written to TestResults/phone-screens.txt) so anyone can see how many pages
/// are taller than one phone screen.
/// </summary>
public sealed class PhoneScreenTests(ChromiumApp chromium, ITestOutputHelper output) : IClassFixture<ChromiumApp>
{
    private const int Width = 390;
    private const int Screen = 844;

    /// <summary>Who opens a page: the walk signs each one in once, in a browser of their own.</summary>
    public enum Who
    {
        Visitor,
        Member,
        Partner,
        Unpaired,
        SecondStep,

        /// <summary>A counselor who is also the practice admin (practice mode, decisions/0044), signed in with both steps.</summary>
        PracticeAdmin,

        /// <summary>A member who runs the server (decisions/0045): an operator with an authenticator app, signed in with both
        /// steps.</summary>
        Operator,
    }

    private static readonly Who[] Couple = [Who.Member, Who.Partner];

    /// <summary>
    /// Every route that answers GET, with who opens it and at which address ({repair}, {grudge}, {date} and {code} are
    /// filled in from the seeded couple). A route the app serves that is neither here nor in <see cref="NotPages"/> fails the
    /// walk, so a new page cannot be forgotten.
    /// </summary>
    private static readonly Dictionary<string, (Who[] Who, string Url)[]> Visits = new()
    {
        ["/"] = [([Who.Visitor, Who.Member, Who.Partner, Who.Unpaired], "/")],
        ["/about"] = [([Who.Visitor, Who.Member], "/about")],
        ["/safety"] = [([Who.Visitor, Who.Member], "/safety")],
        ["/offline"] = [([Who.Visitor], "/offline")],
        ["/error"] = [([Who.Visitor], "/error")],
        // As people meet it, and typed in.
        ["/error/{Status:int}"] = [([Who.Visitor], "/no-such-page"), ([Who.Visitor], "/error/404")],
        ["/account/login"] = [([Who.Visitor], "/account/login")],
        ["/pro/sign-in"] = [([Who.Visitor], "/pro/sign-in"), ([Who.Visitor], "/pro/sign-in?error=refused")],
        ["/account/register"] = [([Who.Visitor], "/account/register")],
        ["/account/forgot-password"] = [([Who.Visitor], "/account/forgot-password")],
        ["/account/reset-password"] = [([Who.Visitor], "/account/reset-password")],
        ["/account/check-email"] = [([Who.Visitor], "/account/check-email")],
        ["/account/resend-confirmation"] = [([Who.Visitor], "/account/resend-confirmation")],
        ["/account/confirm-email"] = [([Who.Visitor], "/account/confirm-email")],
        ["/account/locked"] = [([Who.Visitor], "/account/locked")],
        ["/account/deleted"] = [([Who.Visitor], "/account/deleted")],
        ["/account/login-2fa"] = [([Who.SecondStep], "/account/login-2fa")],
        ["/account/login-recovery"] = [([Who.SecondStep], "/account/login-recovery")],
        ["/join"] = [([Who.Visitor], "/join?code=ABCD-EFGH"), ([Who.Unpaired], "/join?code={code}")],
        ["/couple"] = [([Who.Member, Who.Unpaired], "/couple")],
        ["/areas/{Key}"] = [([Who.Member], "/areas/repair")],
        ["/understand"] = [(Couple, "/understand")],
        ["/understand/check"] = [([Who.Member], "/understand/check?part=money"), ([Who.Unpaired], "/understand/check")],
        ["/understand/results"] = [(Couple, "/understand/results")],
        ["/understand/map"] = [(Couple, "/understand/map")],
        ["/understand/plan"] = [(Couple, "/understand/plan")],
        ["/understand/changes"] = [(Couple, "/understand/changes")],
        ["/program/lessons"] = [([Who.Member], "/program/lessons"), ([Who.Member], "/program/lessons?q=zzqxwordless")],
        ["/program/lessons/{Key}"] = [(Couple, "/program/lessons/four-patterns")],
        ["/program"] = [(Couple, "/program"), ([Who.Unpaired], "/program")],
        ["/program/week/{Week:int}"] = [(Couple, "/program/week/1")],
        ["/program/week/{Week:int}/{Step}"] =
        [
            (Couple, "/program/week/1/reflect"),
            (Couple, "/program/week/1/together"),
            (Couple, "/program/week/1/check"),
        ],
        ["/talk"] = [(Couple, "/talk")],
        ["/talk/check-in"] = [(Couple, "/talk/check-in")],
        ["/talk/conversation"] = [(Couple, "/talk/conversation")],
        ["/talk/archive"] = [([Who.Member], "/talk/archive?q=walk")],
        ["/talk/questions"] = [(Couple, "/talk/questions")],
        ["/time-together"] = [(Couple, "/time-together")],
        ["/time-together/ideas"] = [(Couple, "/time-together/ideas")],
        ["/time-together/plan"] = [([Who.Member], "/time-together/plan?idea=d001")],
        ["/time-together/dates"] = [(Couple, "/time-together/dates")],
        ["/time-together/dates/{Id:guid}"] = [(Couple, "{date}")],
        ["/time-together/evening"] = [(Couple, "/time-together/evening")],
        ["/time-together/calendar"] = [([Who.Member], "/time-together/calendar")],
        ["/spontaneity"] = [(Couple, "/spontaneity")],
        ["/spontaneity/gestures"] = [([Who.Member], "/spontaneity/gestures")],
        ["/intimacy"] = [(Couple, "/intimacy")],
        ["/intimacy/answers"] = [([Who.Member], "/intimacy/answers")],
        ["/intimacy/matches"] = [([Who.Member], "/intimacy/matches")],
        ["/intimacy/program"] = [(Couple, "/intimacy/program")],
        ["/intimacy/resources"] = [([Who.Member], "/intimacy/resources")],
        ["/self-care"] = [(Couple, "/self-care")],
        ["/support"] = [([Who.Member], "/support")],
        ["/support/summary"] = [([Who.Member], "/support/summary")],
        ["/counselor"] = [(Couple, "/counselor"), ([Who.Unpaired], "/counselor")],
        ["/progress"] = [(Couple, "/progress")],
        ["/repair"] = [(Couple, "/repair")],
        ["/repair/{Id:guid}"] = [(Couple, "{repair}")],
        ["/repair/letting-go"] = [([Who.Member], "/repair/letting-go")],
        ["/repair/letting-go/{Id:guid}"] = [([Who.Member], "{grudge}")],
        ["/repair/apology"] = [([Who.Member], "/repair/apology")],
        ["/repair/betrayal"] = [(Couple, "/repair/betrayal")],
        ["/repair/betrayal/{Id:guid}"] = [(Couple, "{betrayal}")],
        ["/account/security"] = [([Who.Member], "/account/security")],
        ["/account/activity"] = [([Who.Member], "/account/activity")],
        ["/account/notifications"] = [([Who.Member], "/account/notifications")],
        ["/account/data"] = [([Who.Member], "/account/data")],
        ["/account/delete"] = [([Who.Member], "/account/delete")],
        ["/account/change-password"] = [([Who.Member], "/account/change-password")],
        ["/account/authenticator"] = [([Who.Member], "/account/authenticator")],
        ["/account/confirm-password"] = [([Who.Member], "/account/confirm-password")],
        ["/email/stop/{Token}"] = [([Who.Visitor], "/email/stop/{stop}")],
        ["/practice"] = [([Who.PracticeAdmin], "/practice")],
        // The practice admin is a professional too, connected to the seeded couple with every part shared (decisions/0044).
        ["/pro"] = [([Who.PracticeAdmin], "/pro")],
        ["/pro/codes"] = [([Who.PracticeAdmin], "/pro/codes")],
        ["/pro/connections/{Id:guid}"] = [([Who.PracticeAdmin], "/pro/connections/{connection}")],
        ["/pro/connections/{Id:guid}/prep"] = [([Who.PracticeAdmin], "/pro/connections/{connection}/prep")],
        ["/pro/connections/{Id:guid}/homework"] = [([Who.PracticeAdmin], "/pro/connections/{connection}/homework")],
        ["/counselor/homework"] = [(Couple, "/counselor/homework")],
        ["/counselor/sees"] = [([Who.Member], "/counselor/sees")],
        ["/admin"] = [([Who.Operator], "/admin")],
        ["/admin/accounts"] = [([Who.Operator], "/admin/accounts")],
        ["/admin/accounts/{Id:guid}"] =
        [
            ([Who.Operator], "/admin/accounts/{account}"),
            ([Who.Operator], "/admin/accounts/{account}?step=disable"),
        ],
    };

    /// <summary>Routes that answer GET but are not pages a person reads on a phone, each with the reason. Routes under /api/ and
    /// routes without GET (form posts, passkey calls) are left out on their own; the readable export, a POST, is walked below.</summary>
    private static readonly Dictionary<string, string> NotPages = new()
    {
        ["/exit"] = "the quick exit: ends the session and sends the browser to the neutral site",
        ["/healthz"] = "plain text for the operator's monitor",
        ["/healthz/details"] = "JSON for the operator's monitor: the version and each check's status",
        ["/sw.js"] = "the service worker script",
        ["/.well-known/security.txt"] = "plain text for security researchers",
        ["/openapi"] = "the developers' API reference, mapped in Development only",
        ["/openapi/{documentName}.json"] = "the API document (JSON)",
        ["/{**path:file}"] = "the bare 404 for a missing static file",
        ["/_framework/opaque-redirect"] = "the framework's redirect helper",
        ["/talk/conversation/state"] = "JSON the conversation page polls",
        ["/email/stop/{token}/one-click"] = "the mail program's one-click address: a GET goes on to /email/stop/{Token}, walked above",
        ["/calendar/{token}.ics"] = "a calendar feed for calendar apps",
        ["/time-together/dates/{id:guid}/calendar.ics"] = "a calendar file",
        ["/time-together/evening/calendar.ics"] = "a calendar file",
        ["/bench/hello"] = "the load harness's endpoint, mapped only for benchmarks",
        ["/pro/connections/{id:guid}/prep/print"] = "session prep as a PDF or a file to print",
        ["/pro/sign-in/done"] = "the end of the practice sign-in's round trip: a redirect",
    };

    /// <summary>
    /// The measurement, in the page. Controls: a[href], button, input, select, textarea, summary, [role=button], each
    /// visible one at least 44×44 (half a pixel of rounding allowed). A checkbox or radio counts as big enough when it or
    /// one of its labels is, since tapping the label ticks it. The inline exception of WCAG 2.5.8: a link (or a button
    /// styled as one, .link-button) laid out inline inside running text (its block holds words outside any control) is
    /// exempt, as its height is the line's. Folded &lt;details&gt; are opened first, so what they hold is measured too
    /// (the page height is taken before, as the page first shows). A fixed or sticky bar at the bottom of the screen
    /// must not cover any control when the page is scrolled to its end. Nothing on the page scrolls sideways, the
    /// page itself or any box inside it.
    /// </summary>
    private const string Measure = """
        () => {
          const root = document.scrollingElement;
          const height = root.scrollHeight;
          for (const d of document.querySelectorAll('details')) d.open = true;
          const width = root.scrollWidth;
          const problems = [];
          const controls = 'a[href],button,input:not([type=hidden]),select,textarea,summary,[role=button]';
          const name = el => {
            let s = el.tagName.toLowerCase();
            if (el.id) s += '#' + el.id;
            else if (el.getAttribute('name')) s += '[name="' + el.getAttribute('name') + '"]';
            if (el.classList.length) s += '.' + [...el.classList].join('.');
            if (el.type && el.tagName === 'INPUT') s += '[type=' + el.type + ']';
            const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 32);
            return text ? s + ' "' + text + '"' : s;
          };
          const shown = el => {
            if (!el.checkVisibility({ visibilityProperty: true })) return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.bottom + window.scrollY > 0; // the skip link waits above the page
          };
          const size = r => Math.round(r.width) + 'x' + Math.round(r.height);
          const big = r => r.width >= 43.5 && r.height >= 43.5;
          const inRunningText = el => {
            if (!el.matches('a,.link-button') || !getComputedStyle(el).display.startsWith('inline')) return false;
            let block = el.parentElement;
            while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
            if (!block) return false;
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
              if (t.textContent.trim() && !t.parentElement.closest(controls + ',label')) return true;
            }
            return false;
          };
          const measured = [];
          for (const el of document.querySelectorAll(controls)) {
            if (el.closest('[inert]')) continue;
            if (el.matches('input[type=checkbox],input[type=radio]')) {
              const boxes = [el, ...el.labels].filter(shown).map(e => e.getBoundingClientRect());
              if (!boxes.length) continue;
              measured.push(el);
              if (!boxes.some(big)) {
                const best = boxes.reduce((a, b) => a.width * a.height >= b.width * b.height ? a : b);
                problems.push(name(el) + ' (with its label) is ' + size(best));
              }
              continue;
            }
            if (!shown(el)) continue;
            measured.push(el);
            if (inRunningText(el)) continue;
            const r = el.getBoundingClientRect();
            if (!big(r)) problems.push(name(el) + ' is ' + size(r));
          }
          for (const el of document.body.querySelectorAll('*')) {
            const s = getComputedStyle(el);
            if (/auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
              problems.push(name(el) + ' scrolls sideways inside: ' + el.scrollWidth + ' px in ' + el.clientWidth);
            }
          }
          if (width > root.clientWidth) {
            // Name the innermost boxes that stick out, so a failure says where to look.
            const out = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > root.clientWidth + 1);
            for (const e of out.filter(e => !out.some(o => o !== e && e.contains(o))).slice(0, 5)) {
              problems.push(name(e) + ' reaches ' + Math.round(e.getBoundingClientRect().right) + ' px');
            }
            const words = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let shownWords = 0;
            for (let t = words.nextNode(); t && shownWords < 5; t = words.nextNode()) {
              range.selectNodeContents(t);
              const right = range.getBoundingClientRect().right;
              if (right > root.clientWidth + 1) {
                shownWords++;
                problems.push('the words "' + t.textContent.trim().slice(0, 40) + '" in ' + name(t.parentElement)
                  + ' reach ' + Math.round(right) + ' px');
              }
            }
          }
          window.scrollTo(0, root.scrollHeight);
          const bars = [...document.body.querySelectorAll('*')].filter(e => {
            const p = getComputedStyle(e).position;
            if (p !== 'fixed' && p !== 'sticky') return false;
            const r = e.getBoundingClientRect();
            return r.height > 0 && r.bottom >= innerHeight - 2 && r.top > innerHeight / 2;
          });
          for (const bar of bars) {
            const b = bar.getBoundingClientRect();
            for (const el of measured) {
              if (bar.contains(el)) continue;
              const r = el.getBoundingClientRect();
              if (r.bottom > b.top + 1 && r.top < b.bottom - 1 && r.right > b.left + 1 && r.left < b.right - 1) {
                problems.push(name(el) + ' is under the bottom bar ' + name(bar) + ' at the end of the page');
              }
            }
          }
          window.scrollTo(0, 0);
          return JSON.stringify({ height, width, problems });
        }
        """;

    private static List<string> Discovered(IServiceProvider services) =>
        services
            .GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(r => !r.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    [Fact]
    public void Every_page_the_app_serves_is_walked_or_listed_with_a_reason()
    {
        var discovered = Discovered(chromium.App.Services);
        var missing = discovered.Where(r => !Visits.ContainsKey(r) && !NotPages.ContainsKey(r)).ToList();
        Assert.True(
            missing.Count == 0,
            "Pages missing from PhoneScreenTests.Visits (or NotPages, with a reason): " + string.Join(", ", missing)
        );
        var stale = Visits.Keys.Where(r => !discovered.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "PhoneScreenTests.Visits names routes the app does not serve: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_page_at_390_by_844_has_thumb_sized_controls_and_no_sideways_scrolling()
    {
        var app = chromium.App;
        var (memberEmail, partnerEmail, repair, grudge) = await SeededCouple.WithDataAsync(app, "Mira");

        // The partner has proposed a date and started a conversation, so both pages show their forms.
        using var partner = app.NewBrowser();
        await SignInAsync(partner, partnerEmail);
        var plan = await partner.GetAsync("/time-together/plan");
        var day = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var date = await partner.SubmitAsync(
            plan,
            "propose",
            new Dictionary<string, string>
            {
                ["title"] = "Picnic by the river",
                ["minutes"] = "120",
                ["times[0].day"] = day,
                ["times[0].time"] = "18:30",
            }
        );
        Assert.StartsWith("/time-together/dates/", date.Url.AbsolutePath, StringComparison.Ordinal);
        await partner.SubmitAsync(
            await partner.GetAsync("/talk/conversation"),
            "floor",
            new Dictionary<string, string>
            {
                ["go"] = "start",
                ["topic"] = "time-together",
                ["oneDevice"] = "false",
            }
        );

        // A path after a betrayal, opened by the partner (the member is invited to join).
        var betrayal = await partner.SubmitAsync(
            await partner.GetAsync("/repair/betrayal"),
            "open-betrayal",
            new Dictionary<string, string> { ["kind"] = "agreement", ["role"] = "hurt" }
        );

        // Someone without a partner yet, holding another member's invitation; and someone half-way through a two-step sign-in.
        var (inviter, _) = await MemberAsync(app, "Ines");
        var code = await InviteAsync(inviter);
        inviter.Dispose();
        var (unpaired, unpairedEmail) = await MemberAsync(app, "Ugo");
        unpaired.Dispose();
        var (careful, carefulEmail) = await MemberAsync(app, "Tess");
        await EnableAuthenticatorAsync(app, careful);
        careful.Dispose();
        var admin = await Rekindle.Testing.PracticeSeed.ProfessionalAsync(app, "Pia", practiceAdmin: true);
        admin.Browser.Dispose();
        var runner = await Rekindle.Testing.AdminSeed.OperatorAsync(app, "Odile");
        runner.Browser.Dispose();
        var connection = await Rekindle.Testing.PracticeSeed.ConnectAsync(
            app,
            admin.Id,
            (await Rekindle.Testing.PracticeSeed.MemberIdAsync(app, memberEmail), Rekindle.Web.Features.Practice.ConnectionScopes.All),
            (await Rekindle.Testing.PracticeSeed.MemberIdAsync(app, partnerEmail), Rekindle.Web.Features.Practice.ConnectionScopes.All)
        );

        var fill = new Dictionary<string, string>
        {
            ["{repair}"] = repair,
            ["{grudge}"] = grudge,
            ["{betrayal}"] = betrayal.Url.AbsolutePath,
            ["{date}"] = date.Url.AbsolutePath,
            ["{code}"] = Uri.EscapeDataString(code),
            ["{stop}"] = await StopTokenAsync(app, memberEmail),
            ["{connection}"] = connection.ToString(),
            ["{account}"] = (await Rekindle.Testing.PracticeSeed.MemberIdAsync(app, carefulEmail)).ToString(),
        };
        var emails = new Dictionary<Who, string>
        {
            [Who.Member] = memberEmail,
            [Who.Partner] = partnerEmail,
            [Who.Unpaired] = unpairedEmail,
            [Who.SecondStep] = carefulEmail,
            [Who.PracticeAdmin] = admin.Email,
            [Who.Operator] = runner.Email,
        };

        var measured = new List<(string Page, Measurement Result)>();
        var contexts = new List<IBrowserContext>();
        try
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var context = await chromium.NewContextAsync();
                contexts.Add(context);
                var page = await context.NewPageAsync();
                if (emails.TryGetValue(who, out var email))
                {
                    await ChromiumApp.SignInAsync(page, email);
                    await page.WaitForLoadStateAsync();
                }

                if (who is Who.PracticeAdmin or Who.Operator)
                {
                    // Their second step, with a code of a later time step than the one that turned the app on.
                    app.Clock.Advance(TimeSpan.FromSeconds(31));
                    var step = Rekindle.Web.Features.Account.Totp.StepAt(app.Clock.GetUtcNow());
                    var key = who == Who.Operator ? runner.AuthenticatorKey! : admin.AuthenticatorKey;
                    await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Rekindle.Web.Features.Account.Totp.Code(key, step));
                    await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
                    await page.WaitForLoadStateAsync();
                }

                foreach (var (route, visits) in Visits)
                {
                    foreach (var (whos, template) in visits.Where(v => v.Who.Contains(who)))
                    {
                        var url = fill.Aggregate(template, (u, f) => u.Replace(f.Key, f.Value, StringComparison.Ordinal));
                        var response = await page.GotoAsync(url);
                        Assert.True(
                            response is { Ok: true } || route == "/error/{Status:int}",
                            $"{url} as {who} answered {response?.Status}"
                        );
                        Assert.True(page.Url.EndsWith(url, StringComparison.Ordinal) || route == "/", $"{url} as {who} went to {page.Url}");
                        await ChromiumApp.SnapAsync(page, $"{who}-{url.Trim('/').Split('?')[0].Replace('/', '-')}");
                        measured.Add(($"{url} ({who})", await MeasureAsync(page)));
                    }
                }

                if (who == Who.Member)
                {
                    // The readable export, a POST answered with a page of its own, opened as the downloaded file would be.
                    using var browser = app.NewBrowser();
                    await SignInAsync(browser, memberEmail);
                    var exported = await browser.SubmitAsync(await browser.GetAsync("/account/data"), "/account/export/html");
                    // From a blank page: written into one of the app's pages, the app's CSP would block the file's own styles.
                    await page.GotoAsync("about:blank");
                    await page.SetContentAsync(exported.Html);
                    measured.Add(("/account/export/html (Member)", await MeasureAsync(page)));
                }
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }

        Report(measured);
        var failures = measured
            .SelectMany(m =>
                m.Result.Problems.Select(p => m.Page + ": " + p)
                    .Concat(m.Result.Width > Width ? [$"{m.Page}: the page is {m.Result.Width} px wide, wider than {Width}"] : [])
            )
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} problems at {Width}×{Screen}:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task The_measurement_finds_small_controls_wide_boxes_and_controls_under_a_bottom_bar_and_spares_links_in_sentences()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            """
            <style>body{margin:0;font:16px/1.6 sans-serif} nav{position:fixed;bottom:0;left:0;right:0;height:60px;background:#eee}
              .big{display:block;min-height:48px;width:100%} .wide{overflow-x:auto} .wide div{width:900px} .spacer{height:1200px}
              .hidden-radio{position:absolute;opacity:0;width:1px;height:1px} .chip{display:inline-block;padding:12px}</style>
            <p>Read <a href="/a">the guide</a> before you start.</p>
            <p><a href="/b" id="lone">Alone on its line</a></p>
            <button id="small">Tiny</button>
            <input class="hidden-radio" type="radio" id="r1" name="r"><label class="chip" for="r1">A roomy choice</label>
            <input type="checkbox" id="c1"><label for="c1">small</label>
            <details><summary id="fold">More</summary><button class="big">Inside the fold</button></details>
            <div class="wide"><div>wide</div></div>
            <div class="spacer"></div>
            <button class="big" id="last">The last button</button>
            <nav><a href="/n" class="big">Home</a></nav>
            """
        );
        var result = await MeasureAsync(page);
        var problems = string.Join('\n', result.Problems);
        Assert.Contains("a#lone \"Alone on its line\" is", problems, StringComparison.Ordinal);
        Assert.Contains("button#small \"Tiny\" is", problems, StringComparison.Ordinal);
        Assert.Contains("input#c1[type=checkbox] (with its label) is", problems, StringComparison.Ordinal);
        Assert.Contains("summary#fold \"More\" is", problems, StringComparison.Ordinal);
        Assert.Contains("div.wide \"wide\" scrolls sideways inside", problems, StringComparison.Ordinal);
        Assert.Contains("button#last.big \"The last button\" is under the bottom bar nav", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("the guide", problems, StringComparison.Ordinal); // a link in a sentence: the inline exception
        Assert.DoesNotContain("#r1", problems, StringComparison.Ordinal); // its label is the roomy target
        Assert.DoesNotContain("Inside the fold", problems, StringComparison.Ordinal); // measured with the fold open, and big enough
        Assert.Equal(6, result.Problems.Length);
        Assert.True(result.Width <= Width);
    }

    /// <summary>The heights, printed and written to TestResults/phone-screens.txt, for the lead to compare before and after.</summary>
    private void Report(List<(string Page, Measurement Result)> measured)
    {
        var text = new StringBuilder();
        var tall = measured.Where(m => m.Result.Height > Screen).ToList();
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"{tall.Count} of {measured.Count} pages are taller than one phone screen ({Width}x{Screen}); {measured.Sum(m => m.Result.Problems.Length + (m.Result.Width > Width ? 1 : 0))} problems."
        );
        foreach (var (page, result) in measured)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"{result.Height, 6} px  {result.Height / (double)Screen, 4:0.0} screens  {result.Problems.Length, 3} problems  {page}"
            );
        }

        output.WriteLine(text.ToString());
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Rekindle.slnx")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        if (folder is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, "TestResults"));
            File.WriteAllText(Path.Combine(folder, "TestResults", "phone-screens.txt"), text.ToString());
        }
    }

    private static async Task<Measurement> MeasureAsync(IPage page) =>
        JsonSerializer.Deserialize<Measurement>(await page.EvaluateAsync<string>(Measure), JsonSerializerOptions.Web)!;

    public sealed record Measurement(int Height, int Width, string[] Problems);

    /// <summary>The token of a "stop these emails" link, as the member's emails carry it.</summary>
    private static async Task<string> StopTokenAsync(Rekindle.Testing.RekindleFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users =
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Rekindle.Web.Features.Account.Member>>();
        var member = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no member " + email);
        return scope
            .ServiceProvider.GetRequiredService<Rekindle.Web.Features.Account.UnsubscribeLinks>()
            .TokenFor(member.Id, Rekindle.Web.Features.Account.NoticeEmail.PartnerWaiting);
    }
}
