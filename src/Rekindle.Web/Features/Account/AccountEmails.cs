using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Rekindle.Web.Infrastructure.Email;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// The account emails. Each says what happened and gives one link; none carries anything a partner wrote.
/// Written in the recipient's chosen language; without a choice, in this request's (their own browser's,
/// when they asked for the email) or, for the partner-joined email, the instance's default.
/// </summary>
public sealed class AccountEmails(
    UserManager<Member> users,
    IMailer mailer,
    IHttpContextAccessor accessor,
    Languages languages,
    Preferences preferences,
    UnsubscribeLinks unsubscribe,
    PublicAddress address,
    IStringLocalizer<SharedResource> T
)
{
    public async Task<bool> SendConfirmationAsync(Member member, string? returnUrl, CancellationToken cancellationToken = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(member);
        var link = Link(
            "/account/confirm-email",
            new()
            {
                ["memberId"] = member.Id.ToString(),
                ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
                ["returnUrl"] = returnUrl,
            }
        );
        using (InLanguageOf(member, orRequest: true))
        {
            return await mailer.SendAsync(
                Compose(
                    member.Email!,
                    T["Confirm your email for Rekindle"],
                    T["Hello,"],
                    T["Please confirm your email address so you can sign in to Rekindle."],
                    T["Confirm my email"],
                    link,
                    T["If you didn't create an account, you can ignore this email."] + " " + AlwaysSent
                ),
                cancellationToken
            );
        }
    }

    public async Task<bool> SendPasswordResetAsync(Member member, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(member);
        var link = Link(
            "/account/reset-password",
            new() { ["memberId"] = member.Id.ToString(), ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) }
        );
        using (InLanguageOf(member, orRequest: true))
        {
            return await mailer.SendAsync(
                Compose(
                    member.Email!,
                    T["Reset your Rekindle password"],
                    T["Hello,"],
                    T["Someone asked to reset the password of your Rekindle account. If it was you, choose a new password here."],
                    T["Choose a new password"],
                    link,
                    T["If it wasn't you, ignore this email: your password stays as it is."] + " " + AlwaysSent
                ),
                cancellationToken
            );
        }
    }

    /// <summary>
    /// To someone the operator just made an account for (<c>accounts create</c>, decisions/0045; a professional in practice mode,
    /// decisions/0044): a link to choose their first password, the reset page's own link with words for a first visit. Sent from
    /// the command line too, so the link's address is the instance's public one.
    /// </summary>
    public async Task<bool> SendWelcomeAsync(Member member, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(member);
        var link = Link(
            "/account/reset-password",
            new()
            {
                ["memberId"] = member.Id.ToString(),
                ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
                ["first"] = "1",
            }
        );
        using (InLanguageOf(member, orRequest: false))
        {
            return await mailer.SendAsync(
                Compose(
                    member.Email!,
                    member.IsProfessional ? T["Your practice account on Rekindle"] : T["Your account on Rekindle"],
                    T["Hello,"],
                    member.IsProfessional
                        ? T[
                            "Your practice made you an account on its Rekindle server, so couples can connect you with their consent. Choose your password here. Then you set up an authenticator app: your practice needs a second step at sign-in."
                        ]
                        : T["Whoever runs this Rekindle server made you an account. Choose your password here, then sign in."],
                    T["Choose my password"],
                    link,
                    T[
                        "The link works for one day. After that, ask for a new one with 'Forgot your password?' on the sign-in page. If you didn't expect this, ignore this email."
                    ]
                ),
                cancellationToken
            );
        }
    }

    /// <summary>
    /// To a member whose account the operator turned off, or whose second sign-in step they reset (decisions/0045): what
    /// happened, in one sentence, and nothing else. Always sent: it is about the account's safety.
    /// </summary>
    public async Task<bool> SendOperatorChangedAsync(Member member, bool turnedOff, CancellationToken cancellationToken = default)
    {
        using (InLanguageOf(member, orRequest: false))
        {
            return await mailer.SendAsync(
                Compose(
                    member.Email!,
                    turnedOff ? T["Your Rekindle account is turned off"] : T["Your Rekindle sign-in was reset"],
                    T["Hello,"],
                    turnedOff
                        ? T["Whoever runs this Rekindle server turned off your account. You cannot sign in until they turn it on again."]
                        : T[
                            "Whoever runs this Rekindle server reset your second sign-in step: your authenticator app and recovery codes no longer work, and every device was signed out. Your passkeys still work. Sign in, then set up your authenticator app again."
                        ],
                    turnedOff ? T["Open Rekindle"] : T["Sign in"],
                    Link(turnedOff ? "/" : "/account/login", new Dictionary<string, string?>()),
                    T["If you didn't expect this, ask whoever runs this server."] + " " + AlwaysSent
                ),
                cancellationToken
            );
        }
    }

    public async Task<bool> SendPartnerJoinedAsync(Member inviter, CancellationToken cancellationToken = default)
    {
        // "Your partner is waiting" news: it follows that switch, and can be stopped from the email (decisions/0035).
        if (!(await preferences.ForAsync(inviter.Id, cancellationToken)).NoticePartnerAnswered)
        {
            return true;
        }

        var stop = unsubscribe.PageUrl(Link("", new Dictionary<string, string?>()), inviter.Id, NoticeEmail.PartnerWaiting);

        // This request is the partner's: their browser says nothing about the inviter's language.
        using (InLanguageOf(inviter, orRequest: false))
        {
            var email = Compose(
                inviter.Email!,
                T["Your partner joined you on Rekindle"],
                T["Hello,"],
                T["Your partner accepted your invite. Your couple space is ready."],
                T["Open Rekindle"],
                Link("/", new Dictionary<string, string?>()),
                T["You get this email because you invited someone to your couple space."],
                stop
            );
            return await mailer.SendAsync(email with { OneClickUnsubscribe = stop + "/one-click" }, cancellationToken);
        }
    }

    private string AlwaysSent => T["This email is about your account's safety, so it is always sent."];

    private CultureScope InLanguageOf(Member recipient, bool orRequest) =>
        CultureScope.Use(
            languages.Find(recipient.Language) ?? (orRequest ? System.Globalization.CultureInfo.CurrentUICulture : languages.Default)
        );

    private string Link(string path, Dictionary<string, string?> query)
    {
        // Outside a request (the operator's command line): the configured public address.
        var baseUrl = accessor.HttpContext?.PublicBaseUrl() ?? address.ForBackground();
        return QueryHelpers.AddQueryString(baseUrl + path, query.Where(q => q.Value is not null)!);
    }

    private Email Compose(
        string to,
        string subject,
        string greeting,
        string body,
        string action,
        string link,
        string footer,
        string? stopLink = null
    )
    {
        static string e(string s) => WebUtility.HtmlEncode(s);
        string stop = T["Stop these emails"];
        var text = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{footer}\n" + (stopLink is null ? "" : $"{stop}: {stopLink}\n");
        var stopHtml = stopLink is null ? "" : $"""<br><a href="{e(stopLink)}" style="color:#6b605c">{e(stop)}</a>""";
        var html = $"""
            <!DOCTYPE html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#2b2523">
            <p>{e(greeting)}</p><p>{e(body)}</p>
            <p><a href="{e(link)}" style="color:#9c4330">{e(action)}</a></p>
            <p style="color:#6b605c;font-size:0.9em">{e(footer)}{stopHtml}</p>
            </body></html>
            """;
        return new Email(to, subject, text, html);
    }
}
