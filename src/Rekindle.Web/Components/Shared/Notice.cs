using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Components.Shared;

/// <summary>
/// A message at the top of a page after a post: done (status) or a problem (alert). The one map from a
/// handler's <see cref="Problem"/> to what a page shows (decisions/0032); the message is already in the
/// member's language, so pages never pass it through <c>T[...]</c> again.
/// </summary>
public sealed record Notice(string Text, bool IsError, string? Field = null)
{
    /// <summary>A problem as the page shows it: its message, as an alert, about its field if it has one.</summary>
    public static Notice From(Problem problem) => new(problem.Message, IsError: true, problem.Field);

    /// <summary>A success line (already translated by the page).</summary>
    public static Notice Done(string text) => new(text, IsError: false);

    /// <summary>Whether this notice is about <paramref name="field"/> (the request field's camelCase name).</summary>
    public bool IsAbout(string field) => IsError && string.Equals(Field, field, StringComparison.OrdinalIgnoreCase);
}
