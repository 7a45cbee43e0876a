using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Talk;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Talk;

/// <summary>
/// The daily question for a couple where one member has a safety concern (decisions/0027): no
/// intimacy or repair question is drawn while it lasts, and the usual draw comes back when it ends.
/// Its own class: it moves the clock on by weeks.
/// </summary>
public abstract class RestingQuestionTests(RekindleFactory app)
{
    private async Task<List<string>> AreasOverDaysAsync(TestBrowser browser, TestBrowser other, Guid coupleId, int days)
    {
        var bank = app.Services.GetRequiredService<QuestionBank>();
        var before = await app.WithDbAsync(db => db.DailyQuestions.CountAsync(q => q.CoupleId == coupleId));
        for (var i = 0; i < days; i++)
        {
            // A new day first: a question already drawn for today is kept as it was.
            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.NotNull((await browser.GetAsync("/talk")).Find("h2.question"));
            await other.GetAsync("/"); // stays signed in
        }

        var ids = await app.WithDbAsync(db =>
            db.DailyQuestions.Where(q => q.CoupleId == coupleId).OrderBy(q => q.Day).Select(q => q.QuestionId).ToListAsync()
        );
        Assert.Equal(before + days, ids.Count);
        return ids.Skip(before).Select(id => bank.ById[id].Area).ToList();
    }

    [Fact]
    public async Task A_couple_where_one_has_a_concern_gets_no_intimacy_or_repair_question_until_it_ends()
    {
        var (a, aEmail) = await MemberAsync(app, "Quin");
        var (b, _) = await MemberAsync(app, "Ria");
        await JoinAsync(b, await InviteAsync(a));
        foreach (var browser in new[] { a, b })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
        }

        var coupleId = await app.WithDbAsync(db =>
            db.CoupleMembers.Where(m => db.Users.Any(u => u.Id == m.MemberId && u.Email == aEmail)).Select(m => m.CoupleId).SingleAsync()
        );
        await TakeCheckAsync(app, a, WithConcern);

        // Three weeks drawn on the partner's page: nothing from intimacy or repair (a usual couple has about 1 chance in 700 of that).
        var resting = await AreasOverDaysAsync(b, a, coupleId, 21);
        Assert.DoesNotContain(resting, area => area is QuestionBank.IntimacyArea or "repair");

        // The concern ends with a calmer check: the usual draw is back.
        await TakeCheckAsync(app, a, Ordinary);
        var usual = await AreasOverDaysAsync(b, a, coupleId, 30);
        Assert.Contains(usual, area => area is QuestionBank.IntimacyArea or "repair");
    }
}

public sealed class RestingQuestionTestsOnSqlite(SqliteApp app) : RestingQuestionTests(app), IClassFixture<SqliteApp>;

public sealed class RestingQuestionTestsOnPostgres(PostgresApp app) : RestingQuestionTests(app), IClassFixture<PostgresApp>;
