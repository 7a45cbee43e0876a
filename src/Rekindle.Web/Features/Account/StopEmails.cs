using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// The kinds of email a member can stop from the email itself, one per switch on the notifications page, and all of
/// them at once. Emails about the account's safety (sign-in paused, reset, confirm) are not here: they are always sent.
/// Stored inside tokens as a number: never reorder.
/// </summary>
public enum NoticeEmail
{
    DailyQuestion = 1,
    CheckIn = 2,

    /// <summary>The partner answered or checked in, a follow-up is waiting, the partner joined.</summary>
    PartnerWaiting = 3,
    DateNews = 4,
    DateDayBefore = 5,
    DateTwoHours = 6,
    Nudges = 7,

    /// <summary>The one gentle reminder about a week's session of the program (decisions/0040).</summary>
    ProgramReminders = 8,

    /// <summary>Every email above.</summary>
    All = 99,
}

public static class NoticeEmails
{
    /// <summary>The switch a notice answers to; null for the account's safety emails, which are always sent.</summary>
    public static NoticeEmail? Of(NoticeKind kind) =>
        kind switch
        {
            NoticeKind.DailyQuestionWaiting => NoticeEmail.DailyQuestion,
            NoticeKind.CheckInWaiting => NoticeEmail.CheckIn,
            NoticeKind.PartnerAnswered or NoticeKind.PartnerCheckedIn or NoticeKind.RepairFollowUp or NoticeKind.ConversationWaiting =>
                NoticeEmail.PartnerWaiting,
            NoticeKind.DateNews => NoticeEmail.DateNews,
            NoticeKind.DateTomorrow => NoticeEmail.DateDayBefore,
            NoticeKind.DateSoon => NoticeEmail.DateTwoHours,
            NoticeKind.Nudge => NoticeEmail.Nudges,
            NoticeKind.ProgramSession => NoticeEmail.ProgramReminders,
            _ => null,
        };

    /// <summary>Turns off one kind (or every kind) on <paramref name="prefs"/>; the rest stays as it was.</summary>
    public static void TurnOff(MemberPreferences prefs, NoticeEmail kind)
    {
        var all = kind == NoticeEmail.All;
        if (all || kind == NoticeEmail.DailyQuestion)
        {
            prefs.NoticeDailyQuestion = false;
        }

        if (all || kind == NoticeEmail.CheckIn)
        {
            prefs.NoticeCheckIn = false;
        }

        if (all || kind == NoticeEmail.PartnerWaiting)
        {
            prefs.NoticePartnerAnswered = false;
        }

        if (all || kind == NoticeEmail.DateNews)
        {
            prefs.NoticeDateNews = false;
        }

        if (all || kind == NoticeEmail.DateDayBefore)
        {
            prefs.NoticeDateDayBefore = false;
        }

        if (all || kind == NoticeEmail.DateTwoHours)
        {
            prefs.NoticeDateTwoHours = false;
        }

        if (all || kind == NoticeEmail.Nudges)
        {
            prefs.NudgesPerWeek = 0;
        }
    }
}

/// <summary>
/// The "stop these emails" links in every notice email (decisions/0035): a token sealed by ASP.NET Data Protection (keys
/// in the key store, sealed with the master key), so it is signed and says nothing readable: not the member, not the
/// kind. It stops working after <see cref="Lifetime"/>, when the member's account is gone, and for everyone when the
/// instance's data-protection keys are replaced.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Path = "/email/stop";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(120);

    private const byte Version = 1;

    private readonly IDataProtector _protector = protection.CreateProtector("Rekindle.Account.StopEmails.v1");

    /// <summary>The page that asks before stopping (the visible link in the email).</summary>
    public string PageUrl(string baseUrl, Guid memberId, NoticeEmail kind) => $"{baseUrl}{Path}/{TokenFor(memberId, kind)}";

    /// <summary>The List-Unsubscribe address: a POST there stops at once (RFC 8058); a GET only shows the page.</summary>
    public string OneClickUrl(string baseUrl, Guid memberId, NoticeEmail kind) => PageUrl(baseUrl, memberId, kind) + "/one-click";

    public string TokenFor(Guid memberId, NoticeEmail kind)
    {
        var payload = new byte[1 + 16 + 1 + 8];
        payload[0] = Version;
        memberId.ToByteArray().CopyTo(payload, 1);
        payload[17] = (byte)kind;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(18), clock.GetUtcNow().ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The member and kind a token stands for, or null when it is not one of ours, was changed, or has expired.</summary>
    public (Guid MemberId, NoticeEmail Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        if (payload.Length != 26 || payload[0] != Version || !Enum.IsDefined((NoticeEmail)payload[17]))
        {
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(18)));
        var now = clock.GetUtcNow();
        if (issued > now.AddMinutes(5) || now - issued > Lifetime)
        {
            return null;
        }

        return (new Guid(payload.AsSpan(1, 16)), (NoticeEmail)payload[17]);
    }
}

/// <summary>
/// Stops one kind of notice email (or all of them) for the member a link was made for, without signing in. Asking twice
/// is fine. A token that does not open, has expired, or whose account is gone is <see cref="ProblemKind.Invalid"/>.
/// </summary>
public sealed class StopNoticeEmails(AppDbContext db, UnsubscribeLinks links, ILogger<StopNoticeEmails> logger)
{
    /// <summary>What a token would stop, without stopping it (the page that asks first).</summary>
    public async Task<Outcome<NoticeEmail>> PreviewAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } found || !await db.Users.AnyAsync(u => u.Id == found.MemberId, cancellationToken))
        {
            return NotValid();
        }

        return Outcome<NoticeEmail>.Ok(found.Kind);
    }

    /// <summary>Stops what the token names, or, with <paramref name="all"/>, every notice email of its member.</summary>
    public async Task<Outcome<NoticeEmail>> HandleAsync(string? token, bool all = false, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } found || !await db.Users.AnyAsync(u => u.Id == found.MemberId, cancellationToken))
        {
            return NotValid();
        }

        var kind = all ? NoticeEmail.All : found.Kind;
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == found.MemberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = found.MemberId };
            db.MemberPreferences.Add(row);
        }

        NoticeEmails.TurnOff(row, kind);
        if (kind is NoticeEmail.ProgramReminders or NoticeEmail.All)
        {
            // The program's reminder switch lives with the program (decisions/0040).
            await db
                .ProgramNudgeSettings.Where(s => s.MemberId == found.MemberId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.On, false), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} stopped {Kind} emails from an email link", found.MemberId, kind);
        return Outcome<NoticeEmail>.Ok(kind);
    }

    private static Problem NotValid() =>
        Problem.Invalid(
            "token",
            Text.Of(
                "This link doesn't work any more. It may be old, or part of it may be missing. You can still choose which emails you get: sign in and open Reminders and quiet hours."
            )
        );

    /// <summary>
    /// The RFC 8058 one-click address: a mail program's POST with "List-Unsubscribe=One-Click" stops at once (no
    /// antiforgery token: the token in the address is the permission, and it can only stop emails). A GET, as a mail
    /// scanner makes, never stops anything: it goes to the page that asks.
    /// </summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(UnsubscribeLinks.Path + "/{token}/one-click", (string token) => Results.Redirect($"{UnsubscribeLinks.Path}/{token}"));
        routes.MapPost(
            UnsubscribeLinks.Path + "/{token}/one-click",
            async (string token, HttpRequest request, StopNoticeEmails stop, CancellationToken cancellationToken) =>
            {
                var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
                if (form is null || form["List-Unsubscribe"].ToString() != "One-Click")
                {
                    return Results.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        detail: Text.Of("To stop these emails, open the link in the email and press the button there.")
                    );
                }

                var outcome = await stop.HandleAsync(token, cancellationToken: cancellationToken);
                return outcome.Succeeded
                    ? Results.Text(Text.Of("Done. You won't get these emails any more."), "text/plain; charset=utf-8")
                    : Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: outcome.Error);
            }
        );
    }

    /// <summary>Whether a request is the one-click POST, which carries no antiforgery token (FormGuard lets it through).</summary>
    public static bool IsOneClick(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments(UnsubscribeLinks.Path, StringComparison.OrdinalIgnoreCase)
        && request.Path.Value!.EndsWith("/one-click", StringComparison.OrdinalIgnoreCase)
        && request.Path.Value.Count(c => c == '/') == 4;
}
