using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Api;

/// <summary>Couples signed in as API clients, for the area API tests (Talk, Time together, Repair).</summary>
internal static class AreaApiCouples
{
    public sealed record Couple(ApiClient Member, ApiClient Partner, TestBrowser MemberBrowser, TestBrowser PartnerBrowser) : IDisposable
    {
        /// <summary>The member's id, as the API tells them.</summary>
        public async Task<Guid> MemberIdAsync() => (await Member.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();

        public async Task<Guid> PartnerIdAsync() => (await Partner.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();

        /// <summary>After the test clock moved past the access tokens' 15 minutes: both partners refresh, as a client would.</summary>
        public async Task RefreshAsync()
        {
            await AreaApiCouples.RefreshAsync(Member);
            await AreaApiCouples.RefreshAsync(Partner);
        }

        public void Dispose()
        {
            Member.Dispose();
            Partner.Dispose();
            MemberBrowser.Dispose();
            PartnerBrowser.Dispose();
        }
    }

    public static async Task RefreshAsync(ApiClient api)
    {
        var response = await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken });
        if (response.Status != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Refresh answered {(int)response.Status}: {response.Body}");
        }

        api.Use(response.Json);
    }

    /// <summary>Two members who paired through the pages, each with API tokens.</summary>
    public static async Task<Couple> CoupleAsync(RekindleFactory app, string member = "Ana", string partner = "Ben")
    {
        var (memberBrowser, memberEmail) = await MemberAsync(app, member);
        var (partnerBrowser, partnerEmail) = await MemberAsync(app, partner);
        await JoinAsync(partnerBrowser, await InviteAsync(memberBrowser));
        return new Couple(
            await ApiClient.SignInAsync(app, memberEmail),
            await ApiClient.SignInAsync(app, partnerEmail),
            memberBrowser,
            partnerBrowser
        );
    }
}
