using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;

namespace Rekindle.Testing;

/// <summary>A professional as a test holds them: signed in, with the authenticator key they turned on.</summary>
public sealed record Professional(TestBrowser Browser, string Email, Guid Id, byte[] AuthenticatorKey);

/// <summary>
/// Practice mode's common steps (decisions/0044), written once: a professional made as the operator makes one, and a connection
/// written straight to the database for tests of what comes after connecting (the connecting itself has its own tests).
/// </summary>
public static class PracticeSeed
{
    /// <summary>The settings of an instance in practice mode.</summary>
    public static Dictionary<string, string?> On() => new() { ["Practice:Enabled"] = "true" };

    /// <summary>Makes a professional's account (as the command line does), sets a password, signs in and turns the
    /// authenticator on.</summary>
    public static async Task<Professional> ProfessionalAsync(RekindleFactory app, string name = "Dana", bool practiceAdmin = false)
    {
        var email = Journeys.NewEmail("pro");
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope
                .ServiceProvider.GetRequiredService<CreateProfessional>()
                .HandleAsync(new CreateProfessionalInput(email, name, practiceAdmin));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            var result = await users.AddPasswordAsync(created.Value!, Journeys.GoodPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The professional's password was refused.");
            }
        }

        var browser = app.NewBrowser();
        await Journeys.SignInAsync(browser, email);
        var (key, _) = await Journeys.EnableAuthenticatorAsync(app, browser);
        var id = await MemberIdAsync(app, email);
        return new Professional(browser, email, id, key);
    }

    public static Task<Guid> MemberIdAsync(RekindleFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> CoupleIdAsync(RekindleFactory app, Guid memberId) =>
        app.WithDbAsync(db => db.CoupleMembers.Where(m => m.MemberId == memberId).Select(m => m.CoupleId).SingleAsync());

    /// <summary>An active connection of the professional to the couple of the given members, each agreed with their scopes.</summary>
    public static async Task<Guid> ConnectAsync(
        RekindleFactory app,
        Guid professionalId,
        params (Guid MemberId, ConnectionScopes Scopes)[] members
    )
    {
        var first = members[0].MemberId;
        var coupleId = members.Length > 1 ? await CoupleIdAsync(app, first) : (Guid?)null;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var connection = new ProfessionalConnection
        {
            Id = Guid.NewGuid(),
            ProfessionalId = professionalId,
            Kind = coupleId is null ? ConnectionKind.Individual : ConnectionKind.Couple,
            CoupleId = coupleId,
            StartedBy = first,
            State = ConnectionState.Active,
            CreatedAt = now,
            ActiveAt = now,
        };
        return await app.WithDbAsync(async db =>
        {
            db.ProfessionalConnections.Add(connection);
            foreach (var (memberId, scopes) in members)
            {
                db.ConnectionConsents.Add(
                    new ConnectionConsent
                    {
                        ConnectionId = connection.Id,
                        MemberId = memberId,
                        AgreedAt = now,
                        Scopes = scopes,
                        ChangedAt = now,
                    }
                );
            }

            await db.SaveChangesAsync();
            return connection.Id;
        });
    }
}
