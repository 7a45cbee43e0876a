using Rekindle.Testing;

namespace Rekindle.Tests.Trust;

/// <summary>
/// The private markers the adversarial walks plant (docs/TRUST.md T2, T18), written once: a member's repair step and
/// letting-go letter, gesture marks and a note, self-care, intimacy answers and notes, a helpline place, a check with a
/// safety concern, a question of the couple's own and a mute. The walks then look for them where they must never be.
/// </summary>
public static class PrivateMarkers
{
    /// <summary>Plants the member's markers (the partner takes part where a step needs both); the member rests afterwards
    /// (a safety concern in their check, decisions/0027), and both shared their check summaries.</summary>
    public static async Task PlantAsync(RekindleFactory app, TestBrowser member, TestBrowser partner)
    {
        // Before any check: a repair the member has written a step of (the partner has not, so it stays
        // the member's), and a private letting-go exercise with its letter. Neither ever reaches the partner.
        var repair = await member.SubmitAsync(
            await member.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = "Repairtitlemarker", ["calm"] = "true" }
        );
        await partner.SubmitAsync(
            await partner.GetAsync(repair.Url.AbsolutePath),
            "repair",
            new Dictionary<string, string> { ["go"] = "calm" }
        );
        await member.SubmitAsync(
            await member.GetAsync(repair.Url.AbsolutePath),
            "repair",
            new Dictionary<string, string>
            {
                ["go"] = "write",
                ["feelings"] = "hurt",
                ["text"] = "Repairwalkmarker",
            }
        );
        var grudge = await member.SubmitAsync(
            await member.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "Grudgewalkmarker", ["cost"] = "Grudgecostmarker" }
        );
        Assert.Contains("Grudgewalkmarker", (await member.GetAsync(grudge.Url.AbsolutePath + "?step=0")).Html, StringComparison.Ordinal);
        Assert.Contains("Repairwalkmarker", (await member.GetAsync(repair.Url.AbsolutePath)).Html, StringComparison.Ordinal);

        // The member's private marks on gestures ("not for me" is never shown; "would love" only as a
        // hint on the partner's Spontaneity page), and a note meant for the partner alone.
        foreach (var (gesture, mark) in new[] { ("g001", "love"), ("g002", "no") })
        {
            await member.SubmitAsync(
                await member.GetAsync("/spontaneity/gestures"),
                "mark",
                new Dictionary<string, string> { ["mark"] = gesture + "|" + mark }
            );
        }

        await member.SubmitAsync(
            await member.GetAsync("/spontaneity"),
            "note",
            new Dictionary<string, string> { ["text"] = "Notemarker, for my partner only" }
        );
        Assert.Contains(
            "value=\"g002|no\" class=\"chip\" aria-pressed=\"true\"",
            (await member.GetAsync("/spontaneity/gestures?place=home&minutes=5")).Html,
            StringComparison.Ordinal
        );

        // Self-care, intimacy answers and session notes: the member's alone.
        await member.SubmitAsync(
            await member.GetAsync("/self-care"),
            "day-log",
            new Dictionary<string, string> { ["mood"] = "2", ["note"] = "Selfcarewalkmarker" }
        );
        foreach (var browser in new[] { member, partner })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
        }

        await member.SubmitAsync(
            await member.GetAsync("/intimacy/answers"),
            "desire",
            new Dictionary<string, string> { ["answer"] = "i002|limit" }
        );
        await member.SubmitAsync(
            await member.GetAsync("/intimacy/program?part=notes"),
            "touch-log",
            new Dictionary<string, string> { ["feeling"] = "uneasy", ["note"] = "Touchwalkmarker" }
        );
        await member.SubmitAsync(
            await member.GetAsync("/intimacy/program?part=ready"),
            "ready",
            new Dictionary<string, string> { ["ready"] = "yes" }
        );
        Assert.Contains("Selfcarewalkmarker", (await member.GetAsync("/self-care")).Html, StringComparison.Ordinal);
        var ownProgram =
            (await member.GetAsync("/intimacy/program?part=notes")).Html + (await member.GetAsync("/intimacy/program?part=ready")).Html;
        Assert.Contains("Touchwalkmarker", ownProgram, StringComparison.Ordinal);
        Assert.Contains("id=\"i-am-ready\"", ownProgram, StringComparison.Ordinal);

        // The place whose helplines the member sees first: theirs alone (decisions/0029).
        var place = await member.SubmitAsync(
            await member.GetAsync("/safety"),
            "helpline-country",
            new Dictionary<string, string> { ["country"] = "NZ" }
        );
        Assert.Equal("NZ", place.Find("#country-choice option[selected]")!.GetAttribute("value"));

        // The member's private check raises a safety concern (after the intimacy above: it rests from then on,
        // decisions/0027); both finish and share their summaries.
        await Understand.CheckJourney.TakeCheckAsync(app, member, Understand.CheckJourney.WithConcern);
        await Understand.CheckJourney.TakeCheckAsync(app, partner, Understand.CheckJourney.Ordinary);
        await member.SubmitAsync(await member.GetAsync("/understand/results"), "share");
        await partner.SubmitAsync(await partner.GetAsync("/understand/results"), "share");

        // A question of the couple's own (both read it, no other couple) and the member's mute (never the partner's).
        await member.SubmitAsync(
            await member.GetAsync("/talk/questions"),
            "add-question",
            new Dictionary<string, string> { ["text"] = "Ownquestionwalkmarker, what then?" }
        );
        await member.SubmitAsync(await member.GetAsync("/talk/questions"), "mutes", new Dictionary<string, string> { ["muted"] = "money" });
        Assert.NotNull((await member.GetAsync("/talk/questions")).Find("#mute-money[checked]"));
    }
}
