using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Rekindle.Web.Infrastructure.Email;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Features.Account;

/// <summary>The account emails. Each says what happened and gives one link; none carries anything a partner wrote.</summary>
public sealed class AccountEmails(UserManager<Member> users, IMailer mailer, IHttpContextAccessor accessor)
{
    public async Task<bool> SendConfirmationAsync(Member member, string? returnUrl, CancellationToken cancellationToken = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(member);
        var link = Link("/account/confirm-email", new()
        {
            ["memberId"] = member.Id.ToString(),
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
            ["returnUrl"] = returnUrl,
        });
        return await mailer.SendAsync(Compose(member.Email!, "Confirm your email for Rekindle",
            "Hello,",
            "Please confirm your email address so you can sign in to Rekindle.",
            "Confirm my email", link,
            "If you didn't create an account, you can ignore this email."), cancellationToken);
    }

    public async Task<bool> SendPasswordResetAsync(Member member, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(member);
        var link = Link("/account/reset-password", new()
        {
            ["memberId"] = member.Id.ToString(),
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
        return await mailer.SendAsync(Compose(member.Email!, "Reset your Rekindle password",
            "Hello,",
            "Someone asked to reset the password of your Rekindle account. If it was you, choose a new password here.",
            "Choose a new password", link,
            "If it wasn't you, ignore this email: your password stays as it is."), cancellationToken);
    }

    public Task<bool> SendPartnerJoinedAsync(Member inviter, CancellationToken cancellationToken = default) =>
        mailer.SendAsync(Compose(inviter.Email!, "Your partner joined you on Rekindle",
            "Hello,",
            "Your partner accepted your invite. Your couple space is ready.",
            "Open Rekindle", Link("/", new Dictionary<string, string?>()),
            "You get this email because you invited someone to your couple space."), cancellationToken);

    private string Link(string path, Dictionary<string, string?> query)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Links are made during a request.");
        return QueryHelpers.AddQueryString(context.PublicBaseUrl() + path, query.Where(q => q.Value is not null)!);
    }

    private static Email Compose(string to, string subject, string greeting, string body, string action, string link, string footer)
    {
        var text = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{footer}\n";
        static string e(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#2b2523">
            <p>{e(greeting)}</p><p>{e(body)}</p>
            <p><a href="{e(link)}" style="color:#9c4330">{e(action)}</a></p>
            <p style="color:#6b605c;font-size:0.9em">{e(footer)}</p>
            </body></html>
            """;
        return new Email(to, subject, text, html);
    }
}
