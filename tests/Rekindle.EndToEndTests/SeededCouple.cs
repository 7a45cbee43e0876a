using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Understand;
using static Rekindle.Testing.Journeys;

namespace Rekindle.EndToEndTests;

/// <summary>Couples made through the app's own forms for the suites that walk every page.</summary>
public static class SeededCouple
{
    /// <summary>A couple who have used every area a little, through the app's own forms; returns both members' emails and two of
    /// the first member's pages.</summary>
    public static async Task<(string Email, string PartnerEmail, string Repair, string Grudge)> WithDataAsync(
        RekindleFactory app,
        string name
    )
    {
        var (member, email) = await MemberAsync(app, name);
        var (partner, partnerEmail) = await MemberAsync(app, "Partner");
        using var _m = member;
        using var _p = partner;
        await JoinAsync(partner, await InviteAsync(member));

        var content = app.Services.GetRequiredService<CheckContent>();
        foreach (var browser in new[] { member, partner })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/talk"),
                "daily",
                new Dictionary<string, string> { ["text"] = "A walk by the river, like the first summer." }
            );
            foreach (var section in content.Sections)
            {
                var answers = content
                    .ItemsBySection[section.Key]
                    .ToDictionary(
                        i => "answers[" + i.Id + "]",
                        i => (section.Key == "safety" ? 0 : 2).ToString(CultureInfo.InvariantCulture)
                    );
                answers["go"] = "next";
                await browser.SubmitAsync(await browser.GetAsync("/understand/check?part=" + section.Key), "check-part", answers);
            }

            await browser.SubmitAsync(await browser.GetAsync("/understand/results"), "share");
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy/answers"),
                "desire",
                new Dictionary<string, string> { ["answer"] = "i001|yes" }
            );
            await browser.SubmitAsync(
                await browser.GetAsync("/spontaneity/gestures"),
                "mark",
                new Dictionary<string, string> { ["mark"] = "g001|love" }
            );
        }

        // The couple's program, begun, with week one's lesson read by the member (decisions/0040).
        await member.SubmitAsync(await member.GetAsync("/program"), "start", new Dictionary<string, string> { ["Pace"] = "weekly" });
        await member.SubmitAsync(await member.GetAsync("/program/week/1"), "lesson-done");
        await member.SubmitAsync(
            await member.GetAsync("/spontaneity"),
            "note",
            new Dictionary<string, string> { ["text"] = "Thank you for the tea this morning." }
        );
        await member.SubmitAsync(
            await member.GetAsync("/self-care"),
            "day-log",
            new Dictionary<string, string> { ["mood"] = "3", ["note"] = "Slept well." }
        );
        await member.SubmitAsync(
            await member.GetAsync("/intimacy/program?part=notes"),
            "touch-log",
            new Dictionary<string, string> { ["feeling"] = "calm", ["note"] = "Slow and easy." }
        );
        var repair = await member.SubmitAsync(
            await member.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = "The missed dinner", ["calm"] = "true" }
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
                ["text"] = "I felt forgotten.",
            }
        );
        var grudge = await member.SubmitAsync(
            await member.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "The holiday plans", ["cost"] = "It keeps me tense." }
        );
        Assert.StartsWith("/repair/", repair.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/repair/letting-go/", grudge.Url.AbsolutePath, StringComparison.Ordinal);
        return (email, partnerEmail, repair.Url.AbsolutePath, grudge.Url.AbsolutePath);
    }
}
