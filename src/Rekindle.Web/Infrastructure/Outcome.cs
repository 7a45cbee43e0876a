namespace Rekindle.Web.Infrastructure;

/// <summary>A handler's answer: a value, or a message a person can act on.</summary>
public sealed record Outcome<T>(bool Succeeded, T? Value, string? Error)
{
    public static Outcome<T> Ok(T value) => new(true, value, null);

    public static Outcome<T> Fail(string error) => new(false, default, error);
}
