namespace Rekindle.Web.Features.Account;

public enum RegistrationMode
{
    /// <summary>Anyone who can reach the instance may create an account.</summary>
    Open,

    /// <summary>Only the first account, people holding a live partner invite, and listed email addresses.</summary>
    InviteOnly,

    /// <summary>Nobody may create an account, not even with a partner invite; the operator can still make accounts from
    /// the command line (decisions/0045).</summary>
    Closed,
}

public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    public RegistrationMode Mode { get; set; } = RegistrationMode.Open;

    /// <summary>With InviteOnly: addresses (or "@domain") that may register without a partner invite, for example a practice's
    /// clients.</summary>
    public List<string> AllowedEmails { get; set; } = [];
}
