using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// A security event in a few plain words, in the reader's language: the activity page and the readable
/// export share these.
/// </summary>
public static class SecurityEventText
{
    public static string Describe(SecurityEventKind kind) =>
        kind switch
        {
            SecurityEventKind.SignedIn => Text.Of("Signed in"),
            SecurityEventKind.SignInFailed => Text.Of("A sign-in attempt failed"),
            SecurityEventKind.LockedOut => Text.Of("Sign-in paused after too many attempts"),
            SecurityEventKind.SignedOut => Text.Of("Signed out"),
            SecurityEventKind.SessionRevoked => Text.Of("Signed out another device"),
            SecurityEventKind.PasswordChanged => Text.Of("Password changed"),
            SecurityEventKind.PasswordReset => Text.Of("Password reset by email"),
            SecurityEventKind.AuthenticatorTurnedOn => Text.Of("Authenticator app turned on"),
            SecurityEventKind.AuthenticatorTurnedOff => Text.Of("Authenticator app turned off"),
            SecurityEventKind.RecoveryCodesRenewed => Text.Of("New recovery codes made"),
            SecurityEventKind.PasskeyAdded => Text.Of("Passkey added"),
            SecurityEventKind.PasskeyRemoved => Text.Of("Passkey removed"),
            SecurityEventKind.RecoveryCodeUsed => Text.Of("Signed in with a recovery code"),
            SecurityEventKind.Exported => Text.Of("Your data was exported"),
            SecurityEventKind.SummaryMade => Text.Of("A summary for a professional was made"),
            SecurityEventKind.OtherDevicesSignedOut => Text.Of("Signed out on your other devices"),
            SecurityEventKind.ProfessionalViewed => Text.Of("Your counselor looked at what you share"),
            SecurityEventKind.ProfessionalLooked => Text.Of("You looked at what a couple shares with you"),
            SecurityEventKind.TurnedOffByOperator => Text.Of("Whoever runs this server turned off your account"),
            SecurityEventKind.TurnedOnByOperator => Text.Of("Whoever runs this server turned on your account"),
            SecurityEventKind.SecondFactorResetByOperator => Text.Of("Whoever runs this server reset your second sign-in step"),
            SecurityEventKind.EmailConfirmedByOperator => Text.Of("Whoever runs this server confirmed your email"),
            SecurityEventKind.ConfirmationResentByOperator => Text.Of("Whoever runs this server sent a new confirmation link"),
            SecurityEventKind.MadeOperator => Text.Of("Whoever runs this server made you an operator"),
            SecurityEventKind.NoLongerOperator => Text.Of("Whoever runs this server stopped you being an operator"),
            _ => Text.Of("Account activity"),
        };
}
