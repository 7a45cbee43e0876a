using System.Text.RegularExpressions;
using Rekindle.Web.Features.Safety;

namespace Rekindle.Tests.Safety;

/// <summary>
/// The built-in helplines (Content/support/safety-resources.en.json): every line names the place it
/// serves, what it is for and a number; the places and kinds issue 21 asks for are there; the file
/// carries the day it was checked; and the loader refuses a file that lacks any of it.
/// </summary>
public sealed partial class HelplinesFileTests : IDisposable
{
    private static readonly string[] UkNations = ["GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"];

    private static readonly string[] RequiredPlaces = [.. UkNations, "IE", "US", "CA", "AU", "NZ"];

    private readonly string _folder = Directory.CreateTempSubdirectory("rekindle-safety-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SafetyResourceSet BuiltIn() =>
        SafetyResources.Load(Path.Combine(AppContext.BaseDirectory, "Content", "support", "safety-resources.en.json"));

    [Fact]
    public void Every_line_names_the_place_it_serves_its_kind_and_a_number()
    {
        var set = BuiltIn();
        Assert.True(set.Services.Count >= 30, $"only {set.Services.Count} lines");
        Assert.All(set.Services, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Region), s.Name);
            Assert.Contains(s.Kind, HelplineKinds.All);
            Assert.NotEmpty(s.Serves!);
            Assert.All(s.Serves!, code => Assert.NotNull(set.Country(code)));
            Assert.Matches("^[0-9+][0-9 ()+-]*$", s.Phone);
        });
    }

    [Fact]
    public void The_file_carries_the_day_its_numbers_were_checked() => Assert.Equal(new DateOnly(2026, 12, 7), BuiltIn().Checked);

    [Fact]
    public void Each_nation_and_country_has_its_own_emergency_abuse_sexual_violence_and_crisis_lines()
    {
        var set = BuiltIn();
        foreach (var place in RequiredPlaces)
        {
            Assert.NotNull(set.Country(place));
            foreach (
                var kind in new[]
                {
                    HelplineKinds.Emergency,
                    HelplineKinds.DomesticAbuse,
                    HelplineKinds.SexualViolence,
                    HelplineKinds.Crisis,
                }
            )
            {
                Assert.True(set.Lines(place, kind).Count > 0, $"{place} has no {kind} line");
            }
        }

        // People worried about their own behaviour: at least the UK (Respect), the US and Australia.
        foreach (var place in UkNations.Append("US").Append("AU"))
        {
            Assert.NotEmpty(set.Lines(place, HelplineKinds.OwnBehaviour));
        }

        Assert.Contains(set.Lines("GB-ENG", HelplineKinds.OwnBehaviour), s => s.Phone == "0808 802 4040");

        // Anywhere else: an emergency number, said plainly.
        var elsewhere = Assert.Single(set.Lines("elsewhere", HelplineKinds.Emergency));
        Assert.Equal("112", elsewhere.Phone);
    }

    [Fact]
    public void Refuge_serves_England_only_and_the_crisis_lines_serve_where_they_answer()
    {
        var set = BuiltIn();
        var refuge = Assert.Single(set.Services, s => s.Phone == "0808 2000 247");
        Assert.Equal(["GB-ENG"], refuge.Serves);
        Assert.Equal("England", refuge.Region);
        foreach (var nation in new[] { "GB-SCT", "GB-WLS", "GB-NIR" })
        {
            Assert.DoesNotContain(set.Lines(nation, HelplineKinds.DomesticAbuse), s => s.Phone == "0808 2000 247");
        }

        var samaritans = Assert.Single(set.Services, s => s.Phone == "116 123");
        Assert.Equal([.. UkNations, "IE"], samaritans.Serves);
        Assert.Equal(HelplineKinds.Crisis, samaritans.Kind);
        Assert.Contains(set.Lines("US", HelplineKinds.Crisis), s => s.Phone == "988");
        Assert.Contains(set.Lines("CA", HelplineKinds.Crisis), s => s.Phone == "988");
        Assert.Contains(set.Lines("CA", HelplineKinds.DomesticAbuse), s =>
            s.Region.EndsWith("Canada", StringComparison.Ordinal) && s.Phone != "911"
        );
    }

    [Fact]
    public void Sentences_are_short_enough_to_read_in_a_crisis()
    {
        var set = BuiltIn();
        var texts = set.Services.Select(s => s.Text).Append(set.Intro).Concat(set.General.Select(g => g.Text));
        foreach (var sentence in texts.SelectMany(t => SentenceEnd().Split(t)).Where(s => s.Length > 0))
        {
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words <= 20, $"{words} words: \"{sentence}\"");
        }
    }

    [Theory]
    [InlineData("no date", "checked")]
    [InlineData("", "kind", "\"kind\":\"gossip\"")]
    [InlineData("", "serves", "\"serves\":[\"XX\"]")]
    [InlineData("", "region", "\"region\":\"\"")]
    [InlineData("", "phone", "\"phone\":\"call us\"")]
    [InlineData("", "no emergency number", "\"kind\":\"crisis\"")]
    public void A_file_without_what_a_person_needs_stops_the_start(string dated, string expected, string? change = null)
    {
        var line = new Dictionary<string, string>
        {
            ["kind"] = "\"kind\":\"emergency\"",
            ["serves"] = "\"serves\":[\"HERE\"]",
            ["region"] = "\"region\":\"Here\"",
            ["phone"] = "\"phone\":\"112\"",
        };
        if (change is not null)
        {
            line[change[1..change.IndexOf('"', 1)]] = change;
        }

        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(
            path,
            "{\"language\":\"en\","
                + (dated == "no date" ? "" : "\"checked\":\"2026-12-07\",")
                + "\"intro\":\"Hi.\",\"emergency\":\"Call 112.\",\"general\":[],"
                + "\"countries\":[{\"code\":\"HERE\",\"name\":\"Here\"}],\"services\":[{"
                + string.Join(',', line.Values)
                + ",\"name\":\"Line\",\"text\":\"Call.\"}]}"
        );
        var error = Assert.Throws<InvalidDataException>(() => SafetyResources.Load(path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
