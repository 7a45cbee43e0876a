using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Intimacy;
using Rekindle.Web.Features.Spontaneity;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Tests.Trust;

/// <summary>
/// The start-up step of decisions/0026: answers stored one to a row before are moved into each
/// member's sealed set (and their rows deleted), and every member of a couple gets a set of every
/// list, so the T17 guarantee holds for data from before too.
/// </summary>
public abstract class AnswerSetConversionTests(RekindleFactory app)
{
    [Fact]
    public async Task Old_rows_move_into_the_members_sets_and_every_member_has_a_set_of_every_list()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Ana", "Ben");
        using var _ = ana;
        using var __ = ben;
        var anaId = (await ana.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();
        var benId = (await ben.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();
        var coupleId = await app.WithDbAsync(db => db.CoupleMembers.Where(m => m.MemberId == anaId).Select(m => m.CoupleId).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await ana.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await ben.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);
        var ratedAt = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);

        // As an instance from before kept them: one row an answer, and no sets at all.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sealer = scope.ServiceProvider.GetRequiredService<Sealer>();
            await db.AnswerSets.ExecuteDeleteAsync();
            foreach (var (key, answer) in new[] { ("i001", "yes"), ("i002", "limit"), ("i003", "maybe") })
            {
                var row = new DesireAnswer { Id = Guid.NewGuid(), OwnerId = anaId, CoupleId = coupleId, PromptKey = key };
                row.Answer = await sealer.SealAsync(answer, row.PlaceOf(nameof(DesireAnswer.Answer)));
                db.DesireAnswers.Add(row);
            }

            var benYes = new DesireAnswer { Id = Guid.NewGuid(), OwnerId = benId, CoupleId = coupleId, PromptKey = "i001" };
            benYes.Answer = await sealer.SealAsync("yes", benYes.PlaceOf(nameof(DesireAnswer.Answer)));
            db.DesireAnswers.Add(benYes);
            var rating = new IdeaRating { Id = Guid.NewGuid(), OwnerId = anaId, CoupleId = coupleId, PromptKey = "d001", RatedAt = ratedAt };
            rating.Rating = await sealer.SealAsync("love", rating.PlaceOf(nameof(IdeaRating.Rating)));
            db.IdeaRatings.Add(rating);
            var mark = new GestureMark { Id = Guid.NewGuid(), OwnerId = anaId, CoupleId = coupleId, PromptKey = "g001", MarkedAt = ratedAt };
            mark.Mark = await sealer.SealAsync("love", mark.PlaceOf(nameof(GestureMark.Mark)));
            db.GestureMarks.Add(mark);
            await db.SaveChangesAsync();
        }

        var result = await RunAsync();
        Assert.Equal(6, result.Moved);
        Assert.Equal(2, result.Started);   // Ben's ideas and gestures: every other set was made from rows
        Assert.Equal(0, await app.WithDbAsync(db => db.DesireAnswers.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.IdeaRatings.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.GestureMarks.CountAsync()));
        Assert.Equal(6, await app.WithDbAsync(db => db.AnswerSets.CountAsync(s => s.CoupleId == coupleId)));

        // What they answered before reads as before: their own answers, the match, the rating with its time, the hint.
        Assert.Equal(new Dictionary<string, string> { ["i001"] = "yes", ["i002"] = "limit", ["i003"] = "maybe" }, (await app.AnswerSetsAsync(AnswerList.Desires))[anaId]);
        Assert.Equal("i001", Assert.Single((await ben.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal("love", (await app.AnswerSetsAsync(AnswerList.Ideas))[anaId]["d001"]);
        using (var scope = app.Services.CreateScope())
        {
            var exported = await scope.ServiceProvider.GetRequiredService<PrivateAnswers>().ExportAsync(AnswerList.Ideas, anaId, CancellationToken.None);
            Assert.Equal(ratedAt, Assert.Single(exported).Value.At);
        }

        Assert.Contains((await ben.GetAsync("/api/v1/spontaneity")).Json.GetProperty("hints").EnumerateArray(), h => h.GetProperty("id").GetString() == "g001");
        await app.AssertAnswerSetsSealedAsync(AnswerList.Desires);

        // A second start finds nothing to do.
        Assert.Equal(new AnswerSetConversion.Result(0, 0), await RunAsync());
    }

    private async Task<AnswerSetConversion.Result> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnswerSetConversion>().RunAsync();
    }
}

public sealed class AnswerSetConversionTestsOnSqlite(SqliteApp app) : AnswerSetConversionTests(app), IClassFixture<SqliteApp>;

public sealed class AnswerSetConversionTestsOnPostgres(PostgresApp app) : AnswerSetConversionTests(app), IClassFixture<PostgresApp>;
