using System.Globalization;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Tests.Localization;

/// <summary>Content in the member's language: the full culture's file, else its language's, else the fallback.</summary>
public sealed class ContentLanguagesTests
{
    [Theory]
    [InlineData("de-DE", "de")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("pt-PT", "pt")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    public void The_culture_picks_its_own_content_else_its_languages_else_the_fallback(string culture, string expected) =>
        Assert.Equal(expected, ContentLanguages.Pick(["en", "de", "pt", "pt-BR"], CultureInfo.GetCultureInfo(culture), "en"));

    [Fact]
    public void A_member_whose_language_has_no_content_gets_the_fallback_and_the_request_culture_decides()
    {
        var content = new ByLanguage<string>(new Dictionary<string, string> { ["en"] = "English", ["de"] = "Deutsch" }, "en");

        Assert.Equal("Deutsch", content.For(CultureInfo.GetCultureInfo("de-AT")));
        Assert.Equal("English", content.For(CultureInfo.GetCultureInfo("ja-JP")));
        using (CultureScope.Use(CultureInfo.GetCultureInfo("de-DE")))
        {
            Assert.Equal("Deutsch", content.Current);
        }

        using (CultureScope.Use(CultureInfo.GetCultureInfo("en-US")))
        {
            Assert.Equal("English", content.Current);
        }
    }

    [Fact]
    public void The_languages_are_read_from_the_file_names_and_the_fallback_must_be_there()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-content-").FullName;
        File.WriteAllText(Path.Combine(folder, "questions-a.en.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "questions-b.en.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "questions-a.xx.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "checkin.de.json"), "{}");

        Assert.Equal(["en", "xx"], ContentLanguages.In(folder, "questions*.*.json"));
        Assert.Throws<InvalidDataException>(() => new ByLanguage<string>(new Dictionary<string, string> { ["de"] = "Deutsch" }, "en"));
    }

    [Fact]
    public void Talk_has_its_content_in_english_at_least()
    {
        var folder = Path.Combine(SourceTree.Web, "Content", "talk");
        foreach (var pattern in new[] { "questions*.*.json", "soft-startup.*.json", "checkin.*.json", "conversations.*.json" })
        {
            Assert.Contains("en", ContentLanguages.In(folder, pattern));
        }
    }
}
