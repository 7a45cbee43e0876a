namespace Rekindle.Web.Infrastructure.Email;

/// <summary>
/// How sending went lately, for the admin page's mail health (decisions/0045): times and an error's type
/// only, never an address or a subject. One per process; a restart forgets it.
/// </summary>
public sealed class MailStatus
{
    private readonly Lock _gate = new();

    public DateTime? LastSentAt { get; private set; }

    public DateTime? LastFailedAt { get; private set; }

    /// <summary>The exception type's name of the last failure (e.g. <c>AuthenticationException</c>).</summary>
    public string? LastError { get; private set; }

    public void Sent(DateTime at)
    {
        lock (_gate)
        {
            LastSentAt = at;
        }
    }

    public void Failed(DateTime at, string error)
    {
        lock (_gate)
        {
            LastFailedAt = at;
            LastError = error;
        }
    }
}
