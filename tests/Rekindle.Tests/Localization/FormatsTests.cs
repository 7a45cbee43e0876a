using System.Globalization;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Tests.Localization;

public sealed class FormatsTests
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");
    private static readonly DateOnly Day = new(2025, 6, 2);

    [Fact]
    public void Dates_and_times_follow_the_cultures_own_patterns()
    {
        Assert.Equal(("Monday, 2 June", "Monday, June 2"), (Formats.WeekdayDayMonth(Day, Gb), Formats.WeekdayDayMonth(Day, Us)));
        Assert.Equal(("2 June", "June 2"), (Formats.DayMonth(Day, Gb), Formats.DayMonth(Day, Us)));
        Assert.Equal(("2 Jun", "Jun 2"), (Formats.ShortDayMonth(Day, Gb), Formats.ShortDayMonth(Day, Us)));
        Assert.Equal(("2 June 2025", "June 2, 2025"), (Formats.Date(Day, Gb), Formats.Date(Day, Us)));
        Assert.Equal(
            ("19:30", "7:30 PM"),
            (Formats.Time(new TimeOnly(19, 30), Gb), Formats.Time(new TimeOnly(19, 30), Us).Replace('\u202F', ' '))
        );
        Assert.Equal("7,5", Formats.Number(7.5m, CultureInfo.GetCultureInfo("de-DE")));
    }

    [Theory]
    [InlineData("dddd, d MMMM yyyy", "dddd, d MMMM")]
    [InlineData("dddd, MMMM d, yyyy", "dddd, MMMM d")]
    [InlineData("yyyy. MMMM d., dddd", "MMMM d., dddd")]
    [InlineData("dddd d 'de' MMMM 'de' yyyy", "dddd d 'de' MMMM 'de'")]
    public void The_year_comes_off_a_long_date_pattern(string pattern, string expected) =>
        Assert.Equal(expected, Formats.WithoutYear(pattern));

    [Fact]
    public void A_zone_set_for_a_job_is_put_back()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        using (MemberTime.Use(tokyo))
        {
            Assert.Equal(new DateTime(2025, 6, 3, 4, 30, 0), MemberTime.Local(new DateTime(2025, 6, 2, 19, 30, 0, DateTimeKind.Utc)));
        }

        Assert.Equal(TimeZoneInfo.Utc, MemberTime.Zone);
    }

    [Fact]
    public void An_unknown_culture_in_the_list_is_named_at_start()
    {
        Assert.Null(LanguageOptions.Problem(["en-GB", "en-US"]));
        Assert.Contains("\"xx-NOPE\"", LanguageOptions.Problem(["en-GB", "xx-NOPE"]), StringComparison.Ordinal);
        Assert.Contains("more than once", LanguageOptions.Problem(["en-GB", "en-gb"]), StringComparison.Ordinal);
    }
}
