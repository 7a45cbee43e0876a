using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Understand;

/// <summary>Taking the Rough Patch Check through its pages, as a member does: part by part, each form posted.</summary>
public static class CheckJourney
{
    /// <summary>The only suggestions a member with a safety concern may get on Support (decisions/0028).</summary>
    public static readonly string[] IndividualAndSafetySuggestions =
    [
        "suggestion-crisis",
        "suggestion-safety",
        "suggestion-individual-clinician",
    ];

    public static CheckContent Content(RekindleFactory app) => app.Services.GetRequiredService<CheckContent>();

    /// <summary>Answers every item with <paramref name="answer"/> and finishes; returns the page after the last part.</summary>
    public static async Task<Page> TakeCheckAsync(RekindleFactory app, TestBrowser browser, Func<CheckItem, int> answer)
    {
        var content = Content(app);
        Page page = await browser.GetAsync("/understand/check");
        foreach (var section in content.Sections)
        {
            page = await browser.GetAsync("/understand/check?part=" + section.Key);
            page = await browser.SubmitAsync(page, "check-part", AnswersFor(content, section.Key, answer));
        }

        return page;
    }

    public static Dictionary<string, string> AnswersFor(
        CheckContent content,
        string section,
        Func<CheckItem, int> answer,
        string go = "next"
    ) =>
        content
            .ItemsBySection[section]
            .ToDictionary(i => "answers[" + i.Id + "]", i => answer(i).ToString(CultureInfo.InvariantCulture))
            .Append(new KeyValuePair<string, string>("go", go))
            .ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A middling check: some strain here and there, no safety concern, wellbeing fine (never hopeless).</summary>
    public static int Ordinary(CheckItem item) =>
        item.Section switch
        {
            "safety" => 0,
            "wellbeing" => item.CrisisAt is null ? 1 : 0,
            "satisfaction" => 2,
            "time-together" => item.Reverse ? 0 : 4,
            "communication" => item.Reverse ? 1 : 3,
            _ => item.Reverse ? 3 : 1,
        };

    /// <summary>The same as <see cref="Ordinary"/>, but the safety screen raises a concern and wellbeing is low (not hopeless).</summary>
    public static int WithConcern(CheckItem item) =>
        item.Section switch
        {
            "safety" => 3,
            "wellbeing" => item.CrisisAt is null ? 4 : 0,
            _ => Ordinary(item),
        };

    /// <summary>The same as <see cref="Ordinary"/>, but a wellbeing answer points to hopelessness ("a day or two").</summary>
    public static int Hopeless(CheckItem item) => item.CrisisAt is { } at ? at : Ordinary(item);

    /// <summary>Takes the check with <paramref name="answer"/>, but leaves the safety part for later with its skip button.</summary>
    public static async Task<Page> TakeCheckSkippingSafetyAsync(RekindleFactory app, TestBrowser browser, Func<CheckItem, int> answer)
    {
        var content = Content(app);
        Page page = await browser.GetAsync("/understand/check");
        foreach (var section in content.Sections)
        {
            page = await browser.GetAsync("/understand/check?part=" + section.Key);
            page = await browser.SubmitAsync(
                page,
                "check-part",
                CheckScoring.MayBeSkipped(section)
                    ? new Dictionary<string, string> { ["go"] = "skip" }
                    : AnswersFor(content, section.Key, answer)
            );
        }

        return page;
    }
}
