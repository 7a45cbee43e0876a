using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>Connecting a counselor (decisions/0044): codes, both partners' consent, scopes, ending.</summary>
public static class PracticeConnectFeature
{
    public static IServiceCollection AddPracticeConnect(this IServiceCollection services)
    {
        services.AddScoped<CounselorMember>();
        services.AddScoped<MakeConnectionCode>();
        services.AddScoped<CancelConnectionCode>();
        services.AddScoped<ListConnectionCodes>();
        services.AddScoped<EnterConnectionCode>();
        services.AddScoped<AgreeToConnection>();
        services.AddScoped<ChooseScopes>();
        services.AddScoped<EndConnection>();
        services.AddScoped<EndCoupleConnections>();
        services.AddScoped<GetCounselorState>();
        services.AddScoped<Home.IWaitingSource, ConnectWaiting>();
        services.AddScoped<MyData.IExportSection, ConnectExport>();
        return services;
    }
}

/// <summary>
/// Connection codes: 10 characters from the invite codes' alphabet without look-alikes (about 49 bits), shown as
/// ABCDE-FGHJK. Only the SHA-256 of the normalised code is kept; a code works once and for a few days, and guessing goes
/// through the per-address guess limits.
/// </summary>
public static class ConnectionCodes
{
    public const int Length = 10;

    public static string NewCode() => RandomNumberGenerator.GetString(InviteCodes.Alphabet, Length);

    public static string Format(string code) => code.Length == Length ? $"{code[..5]}-{code[5..]}" : code;

    /// <summary>Accepts what people type: any case, spaces and dashes. Null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => InviteCodes.Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    public static string Hash(string normalizedCode) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalizedCode)));
}

/// <summary>The six things a member can let their counselor see, each with what it shows and what it never shows.</summary>
public static class ScopeChoices
{
    public sealed record Choice(ConnectionScopes Scope, string Key, string Name, string Shows, string NeverShows);

    public static readonly ConnectionScopes[] Order =
    [
        ConnectionScopes.Homework,
        ConnectionScopes.Progress,
        ConnectionScopes.Checks,
        ConnectionScopes.Trend,
        ConnectionScopes.Map,
        ConnectionScopes.Summary,
    ];

    /// <summary>What the choose screen ticks before the member changes anything: homework done or not yet, which carries no
    /// words and is what a counselor needs to follow up their own suggestions. Everything else starts unticked.</summary>
    public const ConnectionScopes Default = ConnectionScopes.Homework;

    public static string KeyOf(ConnectionScopes scope) =>
        scope switch
        {
            ConnectionScopes.Progress => "progress",
            ConnectionScopes.Homework => "homework",
            ConnectionScopes.Map => "map",
            ConnectionScopes.Checks => "checks",
            ConnectionScopes.Trend => "trend",
            ConnectionScopes.Summary => "summary",
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };

    /// <summary>The choices a member has for a connection of this kind: the Couple Map needs both partners, so an individual
    /// connection does not offer it.</summary>
    public static IReadOnlyList<Choice> For(ConnectionKind kind) =>
        [.. Order.Where(s => kind == ConnectionKind.Couple || s != ConnectionScopes.Map).Select(Describe)];

    public static Choice Describe(ConnectionScopes scope) =>
        scope switch
        {
            ConnectionScopes.Progress => new(
                scope,
                KeyOf(scope),
                Text.Of("Program progress"),
                Text.Of("Which sessions of your program you have done."),
                Text.Of("Never what you wrote or said in them.")
            ),
            ConnectionScopes.Homework => new(
                scope,
                KeyOf(scope),
                Text.Of("Homework"),
                Text.Of("Whether you have done each piece of homework they set, or not yet."),
                Text.Of("Never what you wrote while doing it.")
            ),
            ConnectionScopes.Map => new(
                scope,
                KeyOf(scope),
                Text.Of("The Couple Map"),
                Text.Of("The Couple Map, only if you both shared it with each other and you both choose this."),
                Text.Of("Never your own answers behind it.")
            ),
            ConnectionScopes.Checks => new(
                scope,
                KeyOf(scope),
                Text.Of("Your check results"),
                Text.Of("Your own Rough Patch Check results, area by area."),
                Text.Of("Never your answers to single questions, and never the safety part.")
            ),
            ConnectionScopes.Trend => new(
                scope,
                KeyOf(scope),
                Text.Of("Your closeness trend"),
                Text.Of("Your own weekly closeness score over time."),
                Text.Of("Never the words of your check-ins.")
            ),
            ConnectionScopes.Summary => new(
                scope,
                KeyOf(scope),
                Text.Of("Your self-care averages"),
                Text.Of(
                    "Your weekly self-care averages of the last 12 weeks (sleep, movement, eating, stress, mood), as in the summary for a professional."
                ),
                Text.Of("Never your day notes or your goals.")
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };

    public static IReadOnlyList<string> Keys(ConnectionScopes scopes) => [.. Order.Where(s => scopes.HasFlag(s)).Select(KeyOf)];

    /// <summary>
    /// The typed keys as scopes for a connection of this kind; an unknown key is a problem, never guessed at. The Couple Map is
    /// dropped from an individual connection (the form offers it before the member picks "just me").
    /// </summary>
    public static Outcome<ConnectionScopes> Parse(IReadOnlyList<string>? keys, ConnectionKind kind)
    {
        var scopes = ConnectionScopes.None;
        foreach (var key in keys ?? [])
        {
            if (!Order.Any(s => string.Equals(KeyOf(s), key, StringComparison.Ordinal)))
            {
                return Problem.Invalid("scopes", Text.Of("Choose from the list of what you can share."));
            }

            scopes |= Order.First(s => string.Equals(KeyOf(s), key, StringComparison.Ordinal));
        }

        return Outcome<ConnectionScopes>.Ok(kind == ConnectionKind.Individual ? scopes & ~ConnectionScopes.Map : scopes);
    }
}

/// <summary>The member side's door: practice mode is on and the signed-in account is a partner, never a professional.</summary>
public sealed class CounselorMember(AppDbContext db, CurrentMember current, IOptions<PracticeOptions> options)
{
    public async Task<Guid?> MemberIdAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled || current.MemberId is not { } id)
        {
            return null;
        }

        var partner = await db.Users.AsNoTracking().AnyAsync(m => m.Id == id && m.Role == MemberRole.Partner, cancellationToken);
        return partner ? id : null;
    }

    public static Problem NotHere() => Problem.NotFound(Text.Of("We couldn't find that."));
}
