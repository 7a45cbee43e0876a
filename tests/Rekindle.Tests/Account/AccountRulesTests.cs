using System.Text;
using Rekindle.Web.Features.Account;

namespace Rekindle.Tests.Account;

public sealed class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 key "12345678901234567890", 8-digit codes; we show the last 6.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_published_test_vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void A_code_matches_its_own_step_and_one_either_side_only()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);
        Assert.Equal(step - 1, Totp.MatchingStep(key, Totp.Code(key, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchingStep(key, Totp.Code(key, step + 1), now));
        Assert.Null(Totp.MatchingStep(key, Totp.Code(key, step - 2), now));
    }

    [Fact]
    public void Base32_round_trips()
    {
        var bytes = Enumerable.Range(0, 20).Select(i => (byte)(i * 13)).ToArray();
        Assert.Equal(bytes, Base32.Decode(Base32.Encode(bytes)));
        Assert.Equal("MZXW6YTBOI", Base32.Encode(Encoding.ASCII.GetBytes("foobar")));
    }
}

public sealed class PasswordRuleTests
{
    private readonly MemberPasswordValidator _validator = new(CommonPasswords.LoadBundled());

    [Theory]
    [InlineData("correct horse battery", null)]
    [InlineData("🌊🌊🌊🌊 tide", null)]
    [InlineData("1234567", "Use at least 8")]
    [InlineData("12345678", "most common")]
    [InlineData("QWERTYUIOP", "most common")]
    [InlineData("zzzzzzzzzz", "most common")]
    public void Length_and_the_common_list_decide(string password, string? problem)
    {
        var found = _validator.Problem(password, "someone@example.org");
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_bundled_list_is_substantial_and_the_email_is_refused()
    {
        Assert.True(CommonPasswords.LoadBundled().Count >= 1000);
        Assert.Contains("email address", _validator.Problem("someone@example.org", "someone@example.org"), StringComparison.Ordinal);
        Assert.Contains("email address", _validator.Problem("someoneelse", "someoneelse@example.org"), StringComparison.Ordinal);
    }
}
