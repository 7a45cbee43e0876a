using Rekindle.Testing;

namespace Rekindle.Tests.Api;

/// <summary>Members and couples for API tests: registered through the pages, then signed in as API clients and paired through the
/// API.</summary>
public static class ApiPeople
{
    public static async Task<(ApiClient Api, TestBrowser Browser, string Email)> MemberAsync(RekindleFactory app, string firstName)
    {
        var (browser, email) = await Journeys.MemberAsync(app, firstName);
        return (await ApiClient.SignInAsync(app, email), browser, email);
    }

    /// <summary>Two members paired through POST /couple/invite and /couple/join.</summary>
    public static async Task<(ApiClient Member, ApiClient Partner)> CoupleAsync(
        RekindleFactory app,
        string first = "Ana",
        string second = "Ben"
    )
    {
        var (member, memberBrowser, _) = await MemberAsync(app, first);
        var (partner, partnerBrowser, _) = await MemberAsync(app, second);
        memberBrowser.Dispose();
        partnerBrowser.Dispose();
        var invite = await member.PostAsync("/api/v1/couple/invite", new { });
        var code = invite.Json.GetProperty("code").GetString();
        var joined = await partner.PostAsync("/api/v1/couple/join", new { code });
        if (joined.Status != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException("Join answered " + joined.Body);
        }

        return (member, partner);
    }

    /// <summary>Takes the Rough Patch Check through the API, every part answered with <paramref name="answer"/>.</summary>
    public static async Task TakeCheckAsync(
        RekindleFactory app,
        ApiClient api,
        Func<Rekindle.Web.Features.Understand.CheckItem, int> answer
    )
    {
        var content = Understand.CheckJourney.Content(app);
        foreach (var section in content.Sections)
        {
            var saved = await api.PostAsync(
                $"/api/v1/understand/check/parts/{section.Key}",
                new { answers = content.ItemsBySection[section.Key].ToDictionary(i => i.Id, i => (int?)answer(i)), @continue = true }
            );
            if (saved.Status != System.Net.HttpStatusCode.OK)
            {
                throw new InvalidOperationException("Check part answered " + saved.Body);
            }
        }
    }
}
