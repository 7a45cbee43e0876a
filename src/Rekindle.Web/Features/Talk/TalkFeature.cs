using Microsoft.Extensions.Options;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Talk;

public sealed class TalkOptions
{
    public const string Section = "Talk";

    /// <summary>The content language (Content/talk/*.{language}.json).</summary>
    public string Language { get; set; } = "en";
}

public static class TalkFeature
{
    public static WebApplicationBuilder AddTalk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TalkOptions>().BindConfiguration(TalkOptions.Section);
        builder.Services.AddSingleton(sp => QuestionBank.Load(Folder(sp), Language(sp)));
        builder.Services.AddSingleton(sp => SoftStartup.Load(Path.Combine(Folder(sp), $"soft-startup.{Language(sp)}.json")));
        builder.Services.AddScoped<TodaysQuestion>();
        builder.Services.AddScoped<AnswerDailyQuestion>();
        builder.Services.AddScoped<ReplyToAnswer>();
        builder.Services.AddScoped<TalkArchive>();
        builder.Services.AddSingleton(sp => CheckInContent.Load(Path.Combine(Folder(sp), $"checkin.{Language(sp)}.json")));
        builder.Services.AddScoped<WeeklyCheckIns>();
        builder.Services.AddScoped<IExportSection, TalkExport>();
        return builder;
    }

    /// <summary>Loads the content now, so a broken file stops the start rather than a member's day.</summary>
    public static void LoadTalkContent(this WebApplication app)
    {
        app.Services.GetRequiredService<QuestionBank>();
        app.Services.GetRequiredService<SoftStartup>();
        app.Services.GetRequiredService<CheckInContent>();
    }

    private static string Language(IServiceProvider services) => services.GetRequiredService<IOptions<TalkOptions>>().Value.Language;

    private static string Folder(IServiceProvider services) =>
        Path.Combine(services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "talk");
}

/// <summary>The member's daily questions in their export: every day with their answer and, where the rule allowed them to see it, their partner's.</summary>
public sealed class TalkExport(TalkArchive archive, WeeklyCheckIns checkIns) : IExportSection
{
    public string Name => "talk";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var days = new List<object>();
        for (var page = 1; ; page++)
        {
            var result = await archive.HandleAsync(null, page, cancellationToken);
            days.AddRange(result.Days.Select(d => new
            {
                d.Day,
                Question = d.Question.Text,
                You = d.Mine is null ? null : new { Answer = d.Mine.Skipped ? null : d.Mine.Text, Passed = d.Mine.Skipped, d.Mine.Reply, Reaction = d.Mine.Reaction.ToString() },
                YourPartner = d.Partners is null ? null : new { Answer = d.Partners.Text, d.Partners.Reply, Reaction = d.Partners.Reaction.ToString() },
            }));
            if (!result.HasMore)
            {
                break;
            }
        }

        var weeks = (await checkIns.HistoryAsync(memberId, cancellationToken))
            .Select(w => new { w.Week, You = w.Mine, YourPartner = w.Partners })
            .ToList();
        return days.Count == 0 && weeks.Count == 0 ? null : new { DailyQuestions = days, CheckIns = weeks };
    }
}
