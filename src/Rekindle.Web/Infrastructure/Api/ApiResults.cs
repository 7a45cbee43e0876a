using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Infrastructure.Api;

/// <summary>
/// The one map from a handler's <see cref="Problem"/> to problem details (decisions/0021, 0032): invalid is
/// 400 with the field under "errors", not found 404, conflict and resting 409, too many 429. Every problem
/// also carries its kind ("invalid", "notFound", "conflict", "tooMany", "resting") so a client can act
/// on it without reading the text, which is in the member's language.
/// </summary>
public static class ApiResults
{
    /// <summary>The problem as problem details.</summary>
    public static ProblemHttpResult Problem(Problem problem)
    {
        var (status, title) = problem.Kind switch
        {
            ProblemKind.Invalid => (StatusCodes.Status400BadRequest, "One or more validation errors occurred."),
            ProblemKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ProblemKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            ProblemKind.Resting => (StatusCodes.Status409Conflict, "Resting for now"),
            ProblemKind.TooMany => (StatusCodes.Status429TooManyRequests, "Too many for now"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Every kind of problem has a status."),
        };
        var details =
            problem.Kind == ProblemKind.Invalid
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [problem.Field ?? "request"] = [problem.Message] })
                : new Microsoft.AspNetCore.Mvc.ProblemDetails();
        details.Status = status;
        details.Title = title;
        details.Detail = problem.Kind == ProblemKind.Invalid ? null : problem.Message;
        details.Extensions["kind"] = KindName(problem.Kind);
        return TypedResults.Problem(details);
    }

    /// <summary>The value through <paramref name="ok"/>, or the problem as problem details.</summary>
    public static Results<Ok<TDto>, ProblemHttpResult> From<T, TDto>(Outcome<T> outcome, Func<T, TDto> ok) =>
        outcome.Problem is { } problem ? Problem(problem) : TypedResults.Ok(ok(outcome.Value!));

    /// <summary>204 No Content on success, else the problem as problem details.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContent<T>(Outcome<T> outcome) =>
        outcome.Problem is { } problem ? Problem(problem) : TypedResults.NoContent();

    /// <summary>The kind's name in problem details, camelCase like the rest of the API.</summary>
    public static string KindName(ProblemKind kind) =>
        kind switch
        {
            ProblemKind.Invalid => "invalid",
            ProblemKind.NotFound => "notFound",
            ProblemKind.Conflict => "conflict",
            ProblemKind.TooMany => "tooMany",
            ProblemKind.Resting => "resting",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every kind of problem has a name."),
        };
}
