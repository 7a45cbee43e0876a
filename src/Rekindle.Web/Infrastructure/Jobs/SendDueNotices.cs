using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Email;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Infrastructure.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the notice sender in this process. Several servers may all run it: each notice is claimed before it is sent.</summary>
    public bool Enabled { get; set; } = true;

    [Range(5, 3600)]
    public int IntervalSeconds { get; set; } = 30;
}

/// <summary>
/// One pass of the notice job: queue today's "question waiting" notices that are due, then claim
/// and send every due notice once, holding back what falls in a member's quiet hours and dropping
/// what the member turned off or no longer needs. Emails name no content, only that something waits.
/// </summary>
public sealed class SendDueNotices(
    AppDbContext db,
    NoticeOutbox outbox,
    IMailer mailer,
    IEnumerable<INoticeSource> sources,
    Features.Push.PushNotices push,
    PublicAddress address,
    UnsubscribeLinks unsubscribe,
    TimeProvider clock,
    Languages languages,
    IStringLocalizer<SharedResource> T,
    ILogger<SendDueNotices> logger
)
{
    private const int Batch = 50;
    private const int MaxAttempts = 5;

    public sealed record Result(int Sent, int Held, int Dropped, int Failed);

    public async Task<Result> HandleAsync(CancellationToken cancellationToken = default)
    {
        await QueueDailyQuestionNoticesAsync(cancellationToken);
        foreach (var source in sources)
        {
            await source.QueueDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db
            .Notices.AsNoTracking()
            .Where(n => n.SentAt == null && n.DueAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now) && n.Attempts < MaxAttempts)
            .OrderBy(n => n.DueAt)
            .Take(Batch)
            .ToListAsync(cancellationToken);

        int sent = 0,
            held = 0,
            dropped = 0,
            failed = 0;
        foreach (var notice in due)
        {
            // Claim it: only one server (or one pass) gets each notice. The claim is timed from now, not
            // from the start of a pass that may have spent minutes on slow mail servers.
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            var claimUntil = claimedAt.AddMinutes(5);
            var claimed = await db
                .Notices.Where(n => n.Id == notice.Id && n.SentAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, claimUntil), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var member = await db
                .Users.AsNoTracking()
                .Where(u => u.Id == notice.MemberId)
                .Select(u => new { u.Email, u.Language })
                .FirstOrDefaultAsync(cancellationToken);
            var prefs = await db.MemberPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == notice.MemberId, cancellationToken)
                ?? new MemberPreferences { MemberId = notice.MemberId };
            if (member?.Email is null || !Wanted(prefs, notice.Kind) || await NoLongerNeededAsync(notice, cancellationToken))
            {
                await FinishAsync(notice.Id, s => s.SetProperty(n => n.SentAt, now), cancellationToken);
                dropped++;
                continue;
            }

            var local = TimeZoneInfo.ConvertTimeFromUtc(now, prefs.Zone());
            if (prefs.IsQuiet(local.Hour) && notice.Kind == NoticeKind.Nudge)
            {
                // A nudge belongs to its moment: never in quiet hours, and never saved up for later.
                await FinishAsync(notice.Id, s => s.SetProperty(n => n.SentAt, now), cancellationToken);
                dropped++;
                continue;
            }

            if (prefs.IsQuiet(local.Hour))
            {
                var after = NextAllowed(now, prefs);
                await FinishAsync(
                    notice.Id,
                    s => s.SetProperty(n => n.DueAt, after).SetProperty(n => n.ClaimedUntil, (DateTime?)null),
                    cancellationToken
                );
                held++;
                continue;
            }

            // The same notice to each device with notifications on (decisions/0034), on its first try only: an email
            // retried after a failed send does not ring the phone again.
            if (notice.Attempts == 0)
            {
                await push.SendAsync(notice, languages.For(member.Language), cancellationToken);
            }

            Email.Email email;
            using (CultureScope.Use(languages.For(member.Language)))
            using (MemberTime.Use(prefs.Zone()))
            {
                // Written in the recipient's language, formats and time zone; the job's own culture is put back after.
                email = Compose(member.Email, notice);
            }

            if (await mailer.SendAsync(email, cancellationToken))
            {
                await FinishAsync(notice.Id, s => s.SetProperty(n => n.SentAt, now), cancellationToken);
                sent++;
                Hosting.RekindleMetrics.NoticesSent.Add(1, new KeyValuePair<string, object?>("kind", notice.Kind.ToString()));
            }
            else
            {
                var retry = now.AddMinutes(5 << Math.Min(notice.Attempts, 6));
                await FinishAsync(
                    notice.Id,
                    s =>
                        s.SetProperty(n => n.Attempts, notice.Attempts + 1)
                            .SetProperty(n => n.DueAt, retry)
                            .SetProperty(n => n.ClaimedUntil, (DateTime?)null),
                    cancellationToken
                );
                failed++;
            }
        }

        if (sent + held + dropped + failed > 0)
        {
            logger.LogInformation(
                "Notices: {Sent} sent, {Held} held for quiet hours, {Dropped} dropped, {Failed} failed",
                sent,
                held,
                dropped,
                failed
            );
        }

        return new Result(sent, held, dropped, failed);
    }

    /// <summary>The first moment after now that is outside the member's quiet hours.</summary>
    public static DateTime NextAllowed(DateTime utcNow, MemberPreferences prefs)
    {
        var zone = prefs.Zone();
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var candidate = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < 25 && prefs.IsQuiet(candidate.Hour); i++)
        {
            candidate = candidate.AddHours(1);
        }

        return zone.IsInvalidTime(candidate) ? utcNow.AddHours(1) : TimeZoneInfo.ConvertTimeToUtc(candidate, zone);
    }

    private static bool Wanted(MemberPreferences prefs, NoticeKind kind) =>
        kind switch
        {
            NoticeKind.DailyQuestionWaiting => prefs.NoticeDailyQuestion,
            NoticeKind.CheckInWaiting => prefs.NoticeCheckIn,
            NoticeKind.PartnerAnswered or NoticeKind.PartnerCheckedIn => prefs.NoticePartnerAnswered,
            NoticeKind.DateNews => prefs.NoticeDateNews,
            NoticeKind.DateTomorrow => prefs.NoticeDateDayBefore,
            NoticeKind.DateSoon => prefs.NoticeDateTwoHours,
            NoticeKind.Nudge => prefs.NudgesPerWeek > 0,

            // A follow-up is a turn waiting for the member, like a partner's answer (decisions/0016).
            NoticeKind.RepairFollowUp => prefs.NoticePartnerAnswered,

            // An invitation to talk is the partner waiting on the member, like their answer.
            NoticeKind.ConversationWaiting => prefs.NoticePartnerAnswered,

            // The program's own switch (off unless the member turned it on) is checked by its source (decisions/0040).
            NoticeKind.ProgramSession => true,

            // About the member's own account, not the app's news: not something to turn off.
            NoticeKind.SignInPaused => true,
            _ => false,
        };

    // A notice is dropped once it is no longer true (the partner's answer or check-in is gone, or the
    // couple ended) or no longer needed (the member has done it themselves).
    private async Task<bool> NoLongerNeededAsync(Notice notice, CancellationToken cancellationToken)
    {
        var parts = notice.Key.Split(':');
        var member = notice.MemberId;
        switch (notice.Kind)
        {
            case NoticeKind.PartnerAnswered when Guid.TryParseExact(parts.ElementAtOrDefault(1), "N", out var question):
                var stillTrue = await db.DailyAnswers.AnyAsync(
                    a =>
                        a.DailyQuestionId == question
                        && a.OwnerId != member
                        && db.CoupleMembers.Any(m => m.MemberId == member && m.CoupleId == a.CoupleId),
                    cancellationToken
                );
                return !stillTrue
                    || await db.DailyAnswers.AnyAsync(a => a.DailyQuestionId == question && a.OwnerId == member, cancellationToken);
            case NoticeKind.PartnerCheckedIn when Guid.TryParseExact(parts.ElementAtOrDefault(1), "N", out var checkIn):
                var theirs = await db
                    .CheckIns.AsNoTracking()
                    .Where(c => c.Id == checkIn && db.CoupleMembers.Any(m => m.MemberId == member && m.CoupleId == c.CoupleId))
                    .Select(c => c.PromptKey)
                    .FirstOrDefaultAsync(cancellationToken);
                return theirs is null || await db.CheckIns.AnyAsync(c => c.OwnerId == member && c.PromptKey == theirs, cancellationToken);
            case NoticeKind.DailyQuestionWaiting when int.TryParse(parts.ElementAtOrDefault(2), out var dayNumber):
                var day = DateOnly.FromDayNumber(dayNumber);
                return await db.DailyAnswers.AnyAsync(
                    a => a.OwnerId == member && db.DailyQuestions.Any(q => q.Id == a.DailyQuestionId && q.Day == day),
                    cancellationToken
                );
            case NoticeKind.CheckInWaiting when int.TryParse(parts.ElementAtOrDefault(2), out var weekNumber):
                var week = DateOnly.FromDayNumber(weekNumber);
                return await db.CheckIns.AnyAsync(c => c.OwnerId == member && c.WeekStart == week, cancellationToken);
            default:
                foreach (var source in sources)
                {
                    if (await source.NoLongerNeededAsync(notice, clock.GetUtcNow().UtcDateTime, cancellationToken) is { } answer)
                    {
                        return answer;
                    }
                }

                return false;
        }
    }

    private Task<int> FinishAsync(
        Guid id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Notice>> set,
        CancellationToken cancellationToken
    ) => db.Notices.Where(n => n.Id == id && n.SentAt == null).ExecuteUpdateAsync(set, cancellationToken);

    private async Task QueueDailyQuestionNoticesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wanting = await db
            .MemberPreferences.AsNoTracking()
            .Where(p => (p.NoticeDailyQuestion || p.NoticeCheckIn) && db.CoupleMembers.Any(m => m.MemberId == p.MemberId))
            .ToListAsync(cancellationToken);
        foreach (var prefs in wanting)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(now, prefs.Zone());
            if (local.Hour < prefs.DailyNoticeHour)
            {
                continue;
            }

            // The couple's day, as the member's pages show it (decisions/0035).
            var partnerZone = await db
                .CoupleMembers.Where(m =>
                    m.MemberId != prefs.MemberId
                    && db.CoupleMembers.Any(mine => mine.MemberId == prefs.MemberId && mine.CoupleId == m.CoupleId)
                )
                .Select(m => db.MemberPreferences.Where(p => p.MemberId == m.MemberId).Select(p => p.TimeZone).FirstOrDefault() ?? "UTC")
                .FirstOrDefaultAsync(cancellationToken);
            var day = Features.Talk.CoupleDay.Today(
                now,
                prefs.Zone(),
                partnerZone is null ? null : MemberPreferences.FindZone(partnerZone)
            );
            if (prefs.NoticeCheckIn && day.DayOfWeek == DayOfWeek.Sunday)
            {
                var week = Features.Talk.WeeklyCheckIns.WeekOf(day);
                if (!await db.CheckIns.AnyAsync(c => c.OwnerId == prefs.MemberId && c.WeekStart == week, cancellationToken))
                {
                    await outbox.QueueAsync(
                        prefs.MemberId,
                        NoticeKind.CheckInWaiting,
                        $"checkin-waiting:{prefs.MemberId:N}:{week.DayNumber}",
                        cancellationToken
                    );
                }
            }

            if (!prefs.NoticeDailyQuestion)
            {
                continue;
            }

            var answered = await db
                .DailyQuestions.Where(q =>
                    q.Day == day && db.CoupleMembers.Any(m => m.MemberId == prefs.MemberId && m.CoupleId == q.CoupleId)
                )
                .AnyAsync(q => db.DailyAnswers.Any(a => a.DailyQuestionId == q.Id && a.OwnerId == prefs.MemberId), cancellationToken);
            if (!answered)
            {
                await outbox.QueueAsync(
                    prefs.MemberId,
                    NoticeKind.DailyQuestionWaiting,
                    $"daily:{prefs.MemberId:N}:{day.DayNumber}",
                    cancellationToken
                );
            }
        }
    }

    // Every line through the localizer, in the culture CultureScope set: the recipient's.
    private Email.Email Compose(string to, Notice notice)
    {
        var (subject, line, path) = notice.Kind switch
        {
            NoticeKind.DailyQuestionWaiting => (
                T["Today's question is waiting"],
                T["Today's question is waiting for you in Rekindle."],
                "/talk"
            ),
            NoticeKind.PartnerCheckedIn => (
                T["Your partner did this week's check-in"],
                T["Your partner finished this week's check-in. Do yours too to see both."],
                "/talk/check-in"
            ),
            NoticeKind.CheckInWaiting when WeekOf(notice) is { } week => (
                T["This week's check-in is waiting"],
                T["This week's check-in, for the week of {0}, is waiting for you in Rekindle.", Formats.DayMonth(week)],
                "/talk/check-in"
            ),
            NoticeKind.CheckInWaiting => (
                T["This week's check-in is waiting"],
                T["This week's check-in is waiting for you in Rekindle."],
                "/talk/check-in"
            ),
            NoticeKind.DateNews => (
                T["News about your plans together"],
                T["Your partner has updated your plans for time together."],
                "/time-together"
            ),
            NoticeKind.DateTomorrow => (
                T["Your time together is tomorrow"],
                T["A reminder: your time together is tomorrow."],
                "/time-together"
            ),
            NoticeKind.DateSoon => (
                T["Your time together starts soon"],
                T["A reminder: your time together starts in about two hours."],
                "/time-together"
            ),
            NoticeKind.Nudge => (
                T["A small idea for today"],
                T["A little something for your partner today? Rekindle has an idea ready."],
                "/spontaneity"
            ),
            NoticeKind.RepairFollowUp => (
                T["A follow-up is waiting"],
                T["A week has passed since you made a plan together. A short follow-up is waiting for you in Rekindle."],
                "/repair"
            ),
            NoticeKind.ConversationWaiting => (
                T["Something is waiting for you in Rekindle"],
                T["Something is waiting for you in Rekindle: an invitation to talk together. Open it when you have a quiet moment."],
                "/talk/conversation"
            ),
            NoticeKind.ProgramSession => (
                T["This week's session is waiting"],
                T["This week's session of your program is waiting for you in Rekindle, whenever you have a quiet moment."],
                "/program"
            ),
            NoticeKind.SignInPaused => (
                T["Signing in to Rekindle was paused"],
                T[
                    "Signing in to your account was paused for a little while after several wrong passwords. If this wasn't you, your account is still safe: you may want to choose a new password, or add an authenticator app or a passkey."
                ],
                "/account/security"
            ),
            _ => (
                T["Your partner has had their turn"],
                T["Your partner has had their turn on today's question. Answer too to see what they said."],
                "/talk"
            ),
        };
        var site = address.ForBackground();
        var link = site + path;
        string hello = T["Hello,"],
            open = T["Open Rekindle"];
        static string E(string s) => WebUtility.HtmlEncode(s);

        // Every email that can be turned off says how, in one click (decisions/0035); the account's safety emails say why they can't.
        string footer,
            footerHtml;
        string? stopPage = null;
        if (NoticeEmails.Of(notice.Kind) is { } kind)
        {
            stopPage = unsubscribe.PageUrl(site, notice.MemberId, kind);
            string settings = T["You can change which emails you get, and quiet hours, in your account's notification settings."],
                stop = T["Stop these emails"];
            footer = $"{settings}\n{stop}: {stopPage}";
            footerHtml = $"""{E(settings)}<br><a href="{E(stopPage)}" style="color:#6b605c">{E(stop)}</a>""";
        }
        else
        {
            footer = T["This email is about your account's safety, so it is always sent."];
            footerHtml = E(footer);
        }

        var text = $"{hello}\n\n{line}\n\n{open}: {link}\n\n{footer}\n";
        var html = $"""
            <!DOCTYPE html><html lang="{E(
                System.Globalization.CultureInfo.CurrentUICulture.Name
            )}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#2b2523">
            <p>{E(hello)}</p><p>{E(line)}</p><p><a href="{E(link)}" style="color:#9c4330">{E(open)}</a></p>
            <p style="color:#6b605c;font-size:0.9em">{footerHtml}</p></body></html>
            """;
        return new Email.Email(to, subject, text, html, stopPage is null ? null : stopPage + "/one-click");
    }

    // "checkin-waiting:{member}:{day number of the week's Monday}" (QueueDailyQuestionNoticesAsync).
    private static DateOnly? WeekOf(Notice notice) =>
        int.TryParse(
            notice.Key.Split(':').ElementAtOrDefault(2),
            System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture,
            out var day
        ) && day is >= 0 and <= 3_652_058
            ? DateOnly.FromDayNumber(day)
            : null;
}

/// <summary>Runs <see cref="SendDueNotices"/> every few seconds for as long as the app runs.</summary>
public sealed class NoticeWorker(
    IServiceScopeFactory scopes,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<NoticeWorker> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only; the next pass tries again, and nothing is lost: the outbox is in the database.
                logger.LogWarning("The notice job failed ({Error}); it runs again shortly", ex.GetType().Name);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

public static class JobsFeature
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<NoticeOutbox>();
        builder.Services.AddScoped<SendDueNotices>();
        if (builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>()?.Enabled != false)
        {
            builder.Services.AddHostedService<NoticeWorker>();
        }

        return builder;
    }
}
