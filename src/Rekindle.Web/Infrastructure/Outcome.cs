namespace Rekindle.Web.Infrastructure;

/// <summary>Why a use case did not happen (decisions/0032). The kind decides the API status and never the text.</summary>
public enum ProblemKind
{
    /// <summary>The input is not acceptable; <see cref="Problem.Field"/> names the request field (400).</summary>
    Invalid,

    /// <summary>Not there, or not the member's couple's (404). Never says which.</summary>
    NotFound,

    /// <summary>The member's own state does not allow it now: no partner yet, intimacy off, things moved on (409).</summary>
    Conflict,

    /// <summary>A daily or hourly limit was reached (429).</summary>
    TooMany,

    /// <summary>It rests while the member has a current safety concern or a pause (409, decisions/0027).</summary>
    Resting,
}

/// <summary>
/// A reason a use case did not happen: its kind, the request field it is about (camelCase, as the
/// API's request records name it; null when about the request as a whole), and a message a person can
/// act on, already in the request's language (made with <c>Text.Of</c> in the handler, never read by code).
/// </summary>
public sealed record Problem(ProblemKind Kind, string Message, string? Field = null)
{
    public static Problem Invalid(string field, string message) => new(ProblemKind.Invalid, message, field);

    public static Problem NotFound(string message) => new(ProblemKind.NotFound, message);

    public static Problem Conflict(string message) => new(ProblemKind.Conflict, message);

    public static Problem TooMany(string message) => new(ProblemKind.TooMany, message);

    public static Problem Resting(string message) => new(ProblemKind.Resting, message);
}

/// <summary>
/// A handler's answer: a value, or a <see cref="Problem"/>. Handlers return a problem directly
/// (<c>return Problem.Invalid("text", Text.Of("..."));</c>); the API maps it once
/// (<c>ApiResults.From</c>) and pages once (<c>Notice.From</c>, <c>FormPage.Show</c>).
/// </summary>
public sealed record Outcome<T>
{
    private Outcome(T? value, Problem? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }

    public Problem? Problem { get; }

    public bool Succeeded => Problem is null;

    /// <summary>The message to show a person; code decides by <see cref="Problem"/>'s kind and field only.</summary>
    public string? Error => Problem?.Message;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);

    /// <summary>The same problem as another outcome type, for a handler passing on what a step it called refused.</summary>
    public Outcome<TOther> As<TOther>() =>
        Problem is { } p ? p : throw new InvalidOperationException("A succeeded outcome has no problem to pass on.");
}
