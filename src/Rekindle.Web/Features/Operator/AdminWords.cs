using Rekindle.Web.Features.Practice;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>How the admin pages word an account's facts, written once for the list and the account's own page.</summary>
public static class AdminWords
{
    public static string YesNo(bool yes) => yes ? Text.Of("Yes") : Text.Of("No");

    /// <summary>The second sign-in steps an account has on: an authenticator app, a passkey, both or none.</summary>
    public static string SecondStep(OperatorAccountRow row) =>
        (row.SecondFactor, row.Passkey) switch
        {
            (true, true) => Text.Of("Authenticator app and passkey"),
            (true, false) => Text.Of("Authenticator app"),
            (false, true) => Text.Of("Passkey"),
            _ => Text.Of("None"),
        };

    /// <summary>In a couple or not; a counselor's account (practice mode) never is, so it says what it is instead.</summary>
    public static string Couple(OperatorAccountRow row) =>
        row.Role != MemberRole.Partner ? Text.Of("No (a counselor's account)") : YesNo(row.InCouple);

    public static string LastSignIn(DateTime? at) => at is { } time ? Formats.At(time) : Text.Of("Never");
}
