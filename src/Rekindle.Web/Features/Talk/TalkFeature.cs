using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

public sealed class TalkOptions
{
    public const string Section = "Talk";

    /// <summary>The content language for members whose language has no files of its own (Content/talk/*.{language}.json).</summary>
    public string Language { get; set; } = "en";
}

public static class TalkFeature
{
    public static WebApplicationBuilder AddTalk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TalkOptions>().BindConfiguration(TalkOptions.Section);
        // Each kind in every language it has files for; a request gets its own language's, else Talk:Language's.
        builder.Services.AddContentByLanguage(Folder, "questions*.*.json", Language, QuestionBank.Load);
        builder.Services.AddContentByLanguage(Folder, "soft-startup.*.json", Language, (folder, language) =>
            SoftStartup.Load(Path.Combine(folder, $"soft-startup.{language}.json"))
        );
        builder.Services.AddScoped<TodaysQuestion>();
        builder.Services.AddScoped<AnswerDailyQuestion>();
        builder.Services.AddScoped<ReplyToAnswer>();
        builder.Services.AddScoped<TalkArchive>();
        builder.Services.AddScoped<CoupleQuestionStore>();
        builder.Services.AddScoped<GetYourQuestions>();
        builder.Services.AddScoped<AddCoupleQuestion>();
        builder.Services.AddScoped<RetireCoupleQuestion>();
        builder.Services.AddScoped<SaveQuestionMutes>();
        builder.Services.AddContentByLanguage(Folder, "checkin.*.json", Language, (folder, language) =>
            CheckInContent.Load(Path.Combine(folder, $"checkin.{language}.json"))
        );
        builder.Services.AddScoped<WeeklyCheckIns>();
        builder.Services.AddScoped<GetThisWeeksCheckIn>();
        builder.Services.AddScoped<SaveCheckIn>();
        builder.Services.AddContentByLanguage(Folder, "conversations.*.json", Language, (folder, language) =>
            ConversationContent.Load(Path.Combine(folder, $"conversations.{language}.json"))
        );
        builder.Services.AddScoped<GetConversation>();
        builder.Services.AddScoped<GetConversationVersion>();
        builder.Services.AddScoped<StartConversation>();
        builder.Services.AddScoped<TakeConversationStep>();
        builder.Services.AddScoped<SaveConversationSummary>();
        builder.Services.AddScoped<Infrastructure.Jobs.INoticeSource, ConversationNotices>();
        builder.Services.AddScoped<IExportSection, TalkExport>();
        builder.Services.AddScoped<Home.IWaitingSource, TalkWaiting>();
        return builder;
    }

    /// <summary>Loads the content now, so a broken file stops the start rather than a member's day.</summary>
    public static void LoadTalkContent(this WebApplication app)
    {
        app.Services.GetRequiredService<ByLanguage<QuestionBank>>();
        app.Services.GetRequiredService<ByLanguage<SoftStartup>>();
        app.Services.GetRequiredService<ByLanguage<CheckInContent>>();
        app.Services.GetRequiredService<ByLanguage<ConversationContent>>();
    }

    /// <summary>The one JSON endpoint of Talk: the open conversation's version, for the page's script to poll.</summary>
    public static void MapTalk(this IEndpointRouteBuilder routes) =>
        routes
            .MapGet("/talk/conversation/state", async (GetConversationVersion latest) =>
                await latest.HandleAsync() is { } version
                    ? Results.Json(new { version })
                    : Results.Problem("There is no conversation to follow.", statusCode: StatusCodes.Status404NotFound)
            )
            .RequireAuthorization();

    private static string Language(IServiceProvider services) => services.GetRequiredService<IOptions<TalkOptions>>().Value.Language;

    private static string Folder(IServiceProvider services) =>
        Path.Combine(services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "talk");
}

/// <summary>The member's daily questions in their export: every day with their answer and, where the rule allowed them to see it, their
/// partner's.</summary>
public sealed class TalkExport(
    TalkArchive archive,
    WeeklyCheckIns checkIns,
    AppDbContext db,
    CurrentMember current,
    ConversationContent conversations,
    Sealer sealer,
    CoupleQuestionStore own
) : IExportSection
{
    public string Name => "talk";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var days = (await archive.AllAsync(cancellationToken))
            .Select(d => new
            {
                d.Day,
                Question = d.Question.Text,
                You = d.Mine is null
                    ? null
                    : new
                    {
                        Answer = d.Mine.Skipped ? null : d.Mine.Text,
                        Passed = d.Mine.Skipped,
                        d.Mine.Reply,
                        Reaction = d.Mine.Reaction.ToString(),
                    },
                YourPartner = d.Partners is null
                    ? null
                    : new
                    {
                        Answer = d.Partners.Text,
                        d.Partners.Reply,
                        Reaction = d.Partners.Reaction.ToString(),
                    },
            })
            .ToList();

        var weeks = (await checkIns.HistoryAsync(memberId, cancellationToken))
            .Select(w => new
            {
                w.Week,
                You = w.Mine,
                YourPartner = w.Partners,
            })
            .ToList();
        // Guided conversations are the couple's: each one, with its summary, as both partners see it.
        var viewer = await current.ViewerAsync(cancellationToken);
        var talks = new List<object>();
        foreach (var c in await db.Conversations.AsNoTracking().VisibleTo(viewer).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken))
        {
            var summary = c.Summary is null
                ? null
                : await sealer.OpenAsync(c.Summary, c.PlaceOf(nameof(Conversation.Summary)), cancellationToken);
            talks.Add(
                new
                {
                    Topic = conversations.Topic(c.TopicKey)?.Title ?? c.TopicKey,
                    c.StartedAt,
                    c.EndedAt,
                    c.Turns,
                    Summary = summary,
                }
            );
        }

        // The questions the member wrote for the couple's rotation (those taken out too), and their own mutes (decisions/0042).
        var written = (await own.ListAsync(viewer, await WrittenByAsync(memberId, viewer.CoupleId, cancellationToken), cancellationToken))
            .Select(q => new
            {
                q.Text,
                Added = q.CreatedAt,
                TakenOut = q.RetiredAt,
            })
            .ToList();
        var muted = (await own.MutesOfAsync(memberId, cancellationToken))
            .Select(k => new { Kind = k, Name = QuestionKinds.Name(k) })
            .ToList();

        return days.Count == 0 && weeks.Count == 0 && talks.Count == 0 && written.Count == 0 && muted.Count == 0
            ? null
            : new
            {
                DailyQuestions = days,
                CheckIns = weeks,
                GuidedConversations = talks,
                QuestionsYouWrote = written,
                KindsOfQuestionYouMuted = muted,
            };
    }

    private async Task<IReadOnlyCollection<Guid>> WrittenByAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        await db
            .CoupleQuestions.AsNoTracking()
            .Where(q => q.AuthorId == memberId && q.CoupleId == coupleId)
            .Select(q => q.Id)
            .ToListAsync(cancellationToken);
}
