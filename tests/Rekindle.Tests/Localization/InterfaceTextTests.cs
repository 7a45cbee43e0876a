namespace Rekindle.Tests.Localization;

/// <summary>All interface text on pages goes through T[...], so a translation is a resource file.</summary>
public sealed class InterfaceTextTests
{
    [Fact]
    public void No_page_writes_interface_text_outside_the_localizer()
    {
        var pages = SourceTree.Files("*.razor").ToList();
        Assert.True(pages.Count >= 60, $"found only {pages.Count} .razor files");

        var problems = pages
            .SelectMany(p => InterfaceText.Literals(File.ReadAllText(p)).Select(text => $"{SourceTree.Relative(p)}: {text}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} literal texts:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("<p>Hello there</p>", "Hello there")]
    [InlineData("<button type=\"submit\">@T[\"Save\"] now</button>", "now")]
    [InlineData("<input placeholder=\"Your name\" />", "placeholder=\"Your name\"")]
    [InlineData("<img alt=\"A heart\" src=\"/x.svg\" />", "alt=\"A heart\"")]
    [InlineData("<input type=\"submit\" value=\"Send\" />", "value=\"Send\"")]
    [InlineData("<a aria-label=\"Close\" href=\"/\">×</a>", "aria-label=\"Close\"")]
    [InlineData("@if (x)\n{\n    <p>Plain words</p>\n}", "Plain words")]
    public void The_check_finds_literal_text(string razor, string expected) => Assert.Contains(expected, InterfaceText.Literals(razor));

    [Theory]
    [InlineData("<p>@T[\"Hello there\"]</p>")]
    [InlineData("<p title=\"@T[\"Hello\"]\">@(x > 1 ? T[\"Many\"] : T[\"One\"]) · Rekindle</p>")]
    [InlineData("@* a comment with words *@<p>@_name</p>")]
    [InlineData("<input type=\"hidden\" name=\"step\" value=\"next\" />")]
    [InlineData("<button type=\"submit\" name=\"go\" value=\"check\">@T[\"Check\"]</button>")]
    [InlineData("<span>@_name![..1].ToUpperInvariant()</span>")]
    [InlineData("@if (_view is null)\n{\n    return;\n}\nelse\n{\n    <p>@T[\"Fine\"]</p>\n}")]
    [InlineData("<p>@T[\"Hi\"]</p>\n@code {\n    private string Text => \"words here\";\n}")]
    public void The_check_passes_localized_text_and_code(string razor) => Assert.Empty(InterfaceText.Literals(razor));
}
