using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// The reminders and quiet hours form (/account/notifications), field by field: a box ticked is "yes";
/// hours are 0 to 23 (<see cref="NudgeTo"/> 1 to 24). What is missing, unknown or out of range keeps
/// the member's current setting.
/// </summary>
public sealed record NotificationSettingsRequest(
    string? TimeZone,
    string? NoticeDaily,
    int? DailyHour,
    string? NoticeAnswered,
    string? NoticeCheckIn,
    int? QuietFrom,
    int? QuietTo,
    string? NoticeDateNews,
    string? NoticeDayBefore,
    string? NoticeTwoHours,
    int? Nudges,
    int? NudgeFrom,
    int? NudgeTo
)
{
    /// <summary>A form posted with nothing in it: every box unticked, every choice kept.</summary>
    public static NotificationSettingsRequest Empty { get; } =
        new(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The settings this request asks for, on top of <paramref name="current"/> (intimacy, the helpline country and the pause are
    /// not in this form).</summary>
    public MemberPreferences Apply(MemberPreferences current) =>
        new()
        {
            MemberId = current.MemberId,
            TimeZone = PreferencesRules.KnownZone(TimeZone) ? TimeZone! : current.TimeZone,
            ZoneSource = PreferencesRules.KnownZone(TimeZone) ? TimeZoneSource.Chosen : current.ZoneSource,
            NoticeDailyQuestion = On(NoticeDaily),
            DailyNoticeHour = Hour(DailyHour, current.DailyNoticeHour),
            NoticePartnerAnswered = On(NoticeAnswered),
            NoticeCheckIn = On(NoticeCheckIn),
            QuietFromHour = Hour(QuietFrom, current.QuietFromHour),
            QuietToHour = Hour(QuietTo, current.QuietToHour),
            IntimacyOptIn = current.IntimacyOptIn,
            SafetyCountry = current.SafetyCountry,
            PausedForTwo = current.PausedForTwo,
            NoticeDateNews = On(NoticeDateNews),
            NoticeDateDayBefore = On(NoticeDayBefore),
            NoticeDateTwoHours = On(NoticeTwoHours),
            NudgesPerWeek = Nudges is { } n and >= 0 and <= MemberPreferences.MaxNudgesPerWeek ? n : current.NudgesPerWeek,
            NudgeFromHour = Hour(NudgeFrom, current.NudgeFromHour),
            NudgeToHour = NudgeTo is { } to and >= 1 and <= 24 ? to : current.NudgeToHour,
        };

    private static bool On(string? box) => box == "yes";

    private static int Hour(int? hour, int fallback) => hour is { } h and >= 0 and < 24 ? h : fallback;
}

/// <summary>Saves the signed-in member's reminders and quiet hours from the notifications form.</summary>
public sealed class SaveNotificationSettings(AppDbContext db, CurrentMember current, Preferences preferences)
{
    public async Task<MemberPreferences> HandleAsync(NotificationSettingsRequest request, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var changed = request.Apply(await preferences.ForAsync(memberId, cancellationToken));
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = memberId };
            db.MemberPreferences.Add(row);
        }

        // Apply keeps every value in range; intimacy, the helpline country and the pause are not this form's.
        row.TimeZone = changed.TimeZone;
        row.ZoneSource = changed.ZoneSource;
        row.NoticeDailyQuestion = changed.NoticeDailyQuestion;
        row.DailyNoticeHour = changed.DailyNoticeHour;
        row.NoticePartnerAnswered = changed.NoticePartnerAnswered;
        row.NoticeCheckIn = changed.NoticeCheckIn;
        row.QuietFromHour = changed.QuietFromHour;
        row.QuietToHour = changed.QuietToHour;
        row.NoticeDateNews = changed.NoticeDateNews;
        row.NoticeDateDayBefore = changed.NoticeDateDayBefore;
        row.NoticeDateTwoHours = changed.NoticeDateTwoHours;
        row.NudgesPerWeek = changed.NudgesPerWeek;
        row.NudgeFromHour = changed.NudgeFromHour;
        row.NudgeToHour = changed.NudgeToHour;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
