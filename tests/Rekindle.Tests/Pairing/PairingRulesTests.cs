using Rekindle.Web.Features.Pairing;

namespace Rekindle.Tests.Pairing;

public sealed class InviteCodeTests
{
    [Theory]
    [InlineData("abcd-efgh", "ABCDEFGH")]
    [InlineData(" ABCD EFGH ", "ABCDEFGH")]
    [InlineData("AB2D-EF9H", "AB2DEF9H")]
    [InlineData("ABCD-EFG", null)]
    [InlineData("ABCD-EFG0", null)]
    [InlineData("ABCD-EFGI", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Typed_codes_are_normalised_or_refused(string? typed, string? expected) =>
        Assert.Equal(expected, InviteCodes.Normalize(typed));

    [Fact]
    public void New_codes_use_the_alphabet_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCodes.NewCode()).ToList();
        Assert.All(codes, c => Assert.Equal(c, InviteCodes.Normalize(c)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
