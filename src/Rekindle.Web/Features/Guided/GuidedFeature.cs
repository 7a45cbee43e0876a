using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Guided;

public static class GuidedFeature
{
    public static WebApplicationBuilder AddGuided(this WebApplicationBuilder builder)
    {
        // The lessons in the content language (the same setting as the check's), loaded at start.
        builder.Services.AddSingleton(sp =>
            Lessons.Load(
                Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "program"),
                sp.GetRequiredService<IOptions<UnderstandOptions>>().Value.Language
            )
        );
        builder.Services.AddScoped<ProgramStore>();
        builder.Services.AddScoped<GetProgram>();
        builder.Services.AddScoped<GetProgramWeek>();
        builder.Services.AddScoped<StartProgram>();
        builder.Services.AddScoped<StartNextProgram>();
        builder.Services.AddScoped<SetProgramPace>();
        builder.Services.AddScoped<SaveProgramReminders>();
        builder.Services.AddScoped<TakeSessionStep>();
        builder.Services.AddScoped<ProgramFocus>();
        // The lesson library (/program/lessons, decisions/0043): reads content only.
        builder.Services.AddScoped<SearchLessons>();
        builder.Services.AddScoped<ReadLesson>();
        builder.Services.AddScoped<IWaitingSource, GuidedWaiting>();
        builder.Services.AddScoped<IExportSection, GuidedExport>();
        builder.Services.AddScoped<Infrastructure.Jobs.INoticeSource, ProgramReminders>();
        return builder;
    }

    /// <summary>Loads the lessons now, so a broken file stops the start rather than a member's session.</summary>
    public static void LoadGuidedContent(this WebApplication app) => app.Services.GetRequiredService<Lessons>();
}

/// <summary>
/// Home's line for the program: this week's session while the member's own parts of it are not all done, or "Start your
/// program" once they have finished a check and no program exists. Only what /program shows the member.
/// </summary>
public sealed class GuidedWaiting(GetProgram program) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        var view = await program.HandleAsync(cancellationToken);
        if (view.Run is null)
        {
            return view.HasCheck
                ?
                [
                    new WaitingItem(
                        WaitingKind.Session,
                        Text.Of("Your program is ready to start: a short session a week."),
                        Text.Of("Start your program"),
                        "/program"
                    ),
                ]
                : [];
        }

        var items = new List<WaitingItem>();
        if (view.This is { } session && !view.Finished && !(session.Mine.LessonDone && session.Checked))
        {
            items.Add(
                new WaitingItem(
                    WaitingKind.Session,
                    Text.Of("This week's session: {0}", Title(session)),
                    session.Opened ? Text.Of("Carry on") : Text.Of("Open the session"),
                    "/program/week/" + session.Week.ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
            );
        }

        if (view.OfferSlowerPace)
        {
            items.Add(
                new WaitingItem(
                    WaitingKind.Session,
                    Text.Of("Life gets full. Would a session every two weeks suit you better right now?"),
                    Text.Of("See the pace"),
                    "/program#pace"
                )
            );
        }

        return items;
    }

    public static string Title(SessionView session) => session.Lesson?.Title ?? Text.Of("Looking back");
}

/// <summary>
/// This week's lesson's area and root causes, for the daily question's draw: null with no program, no lesson this week, or
/// while anyone in the couple rests. From the couple's order, so it is the same for both partners.
/// </summary>
public sealed class ProgramFocus(GetProgram program, Lessons lessons)
{
    public async Task<(string Area, IReadOnlyList<string> RootCauses)?> ForCurrentCoupleAsync(CancellationToken cancellationToken)
    {
        var view = await program.HandleAsync(cancellationToken);
        if (view.Run is null || view.Rest.Couple || view.Finished)
        {
            return null;
        }

        var key = view.Run.Sessions.ElementAtOrDefault(view.CurrentWeek - 1);
        return key is not null && lessons.ByKey.TryGetValue(key, out var lesson) ? (lesson.Area, lesson.RootCauses) : null;
    }
}

/// <summary>The member's own part of every program: the order, their reflections and end checks (opened), and dates.</summary>
public sealed class GuidedExport(AppDbContext db, Sealer sealer) : IExportSection
{
    public string Name => "program";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db
            .ProgramWeeks.AsNoTracking()
            .Where(w => w.MemberId == memberId)
            .OrderBy(w => w.RunId)
            .ThenBy(w => w.Week)
            .ToListAsync(cancellationToken);
        var runIds = rows.Select(r => r.RunId).Distinct().ToList();
        var runs = await db
            .ProgramRuns.AsNoTracking()
            .Where(r => r.StartedBy == memberId || runIds.Contains(r.Id))
            .OrderBy(r => r.StartedAt)
            .ToListAsync(cancellationToken);
        if (runs.Count == 0 && rows.Count == 0)
        {
            return null;
        }

        var sessions = new List<object>();
        foreach (var row in rows)
        {
            sessions.Add(
                new
                {
                    row.RunId,
                    row.Week,
                    row.OpenedAt,
                    row.LessonDoneAt,
                    row.TogetherDoneAt,
                    Reflection = row.Reflection is { } r
                        ? await sealer.OpenAsync(r, row.PlaceOf(nameof(ProgramWeek.Reflection)), cancellationToken)
                        : null,
                    EndCheck = row.EndCheck is { } c
                        ? await sealer.OpenAsync(c, row.PlaceOf(nameof(ProgramWeek.EndCheck)), cancellationToken)
                        : null,
                    row.EndCheckAt,
                }
            );
        }

        return new
        {
            Programs = runs.Select(r => new
            {
                r.Id,
                Kind = r.Kind.ToString(),
                r.FirstDay,
                Pace = ProgramPace.Name(r.EveryDays),
                Sessions = r.Sessions,
                r.StartedAt,
                r.EndedAt,
            }),
            YourSessions = sessions,
        };
    }
}
