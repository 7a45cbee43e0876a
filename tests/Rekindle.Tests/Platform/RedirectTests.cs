using Rekindle.Web.Components.Shared;

namespace Rekindle.Tests.Platform;

public sealed class RedirectTests
{
    [Theory]
    [InlineData("/couple", "/couple")]
    [InlineData("/join?code=ABCDEFGH", "/join?code=ABCDEFGH")]
    [InlineData("//evil.example.org", "/")]
    [InlineData("/\\evil.example.org", "/")]
    [InlineData("https://evil.example.org", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/\t/evil.example.org", "/")]
    [InlineData("/x\r\nSet-Cookie: a=b", "/")]
    [InlineData(null, "/")]
    public void Only_local_paths_survive(string? input, string expected) => Assert.Equal(expected, RedirectManager.SafeLocal(input));
}
