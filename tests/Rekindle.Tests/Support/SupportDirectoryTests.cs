using Rekindle.Web.Features.Support;

namespace Rekindle.Tests.Support;

/// <summary>The directory file's checks and its search, on small files written here.</summary>
public sealed class SupportDirectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rekindle-directory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string entries)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\"language\":\"en\",\"entries\":[" + entries + "]}");
        return path;
    }

    private static string Entry(
        string web = "https://example.org/",
        string kinds = "\"couples-counselor\"",
        string phone = "",
        bool online = true,
        bool inPerson = false
    ) =>
        $"{{\"name\":\"Test\",\"kinds\":[{kinds}],\"region\":\"Here\",\"languages\":[\"English\"],\"about\":\"About\",\"phone\":\"{phone}\",\"web\":\"{web}\",\"online\":{online.ToString().ToLowerInvariant()},\"inPerson\":{inPerson.ToString().ToLowerInvariant()}}}";

    [Fact]
    public void The_built_in_directory_loads()
    {
        var directory = SupportDirectory.Load(Path.Combine(AppContext.BaseDirectory, "Content", "support", "directory.en.json"));
        Assert.NotEmpty(directory.Entries);
        Assert.All(SupportRules.Keys, k => Assert.Contains(directory.Entries, e => e.Kinds.Contains(k)));
    }

    [Theory]
    [InlineData("http://example.org/")]
    [InlineData("https://example.org/?ref=rekindle")]
    [InlineData("https://example.org/#top")]
    [InlineData("https://user:pw@example.org/")]
    [InlineData("javascript:alert(1)")]
    public void Only_plain_https_links_are_accepted(string web)
    {
        var error = Assert.Throws<InvalidDataException>(() => SupportDirectory.Load(Write(Entry(web))));
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kinds_no_way_to_reach_and_neither_online_nor_in_person_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => SupportDirectory.Load(Write(Entry(kinds: "\"psychic\""))));
        Assert.Throws<InvalidDataException>(() => SupportDirectory.Load(Write(Entry(web: ""))));
        Assert.Throws<InvalidDataException>(() => SupportDirectory.Load(Write(Entry(online: false, inPerson: false))));
        Assert.Throws<InvalidDataException>(() => SupportDirectory.Load(Write(Entry(phone: "call <b>me</b>"))));
        Assert.Single(SupportDirectory.Load(Write(Entry(web: "", phone: "+44 (0)20 1234-5678"))).Entries);
    }

    [Fact]
    public void Search_by_text_kind_and_mode_and_unknown_choices_are_ignored()
    {
        var directory = new SupportDirectory(
            "en",
            [
                new(
                    "Calm Couples",
                    ["couples-counselor"],
                    "Lisbon",
                    ["Portuguese", "English"],
                    "Couples work",
                    null,
                    "https://a.example/",
                    null,
                    true,
                    false
                ),
                new("Desire Clinic", ["sex-therapist"], "Porto", ["Portuguese"], "Sex therapy", "123", null, null, false, true),
            ]
        );
        Assert.Equal(2, directory.Search(DirectoryQuery.From(null, null, null)).Count);
        Assert.Equal("Calm Couples", Assert.Single(directory.Search(DirectoryQuery.From("  english  lisbon ", null, null))).Name);
        Assert.Equal("Desire Clinic", Assert.Single(directory.Search(DirectoryQuery.From(null, "sex-therapist", null))).Name);
        Assert.Equal("Desire Clinic", Assert.Single(directory.Search(DirectoryQuery.From(null, null, "in-person"))).Name);
        Assert.Equal("Calm Couples", Assert.Single(directory.Search(DirectoryQuery.From(null, null, "online"))).Name);
        Assert.Empty(directory.Search(DirectoryQuery.From("nowhere", null, null)));
        Assert.Equal(2, directory.Search(DirectoryQuery.From("\0", "<script>", "moon")).Count);
        Assert.Equal(DirectoryQuery.MaxTextLength, DirectoryQuery.From(new string('a', 5000), null, null).Text.Length);
    }
}
