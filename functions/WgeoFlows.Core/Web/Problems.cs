using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Web;

/// <summary>RFC 9457 answers (application/problem+json) for API callers, one helper per kind of refusal.</summary>
public static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors, string detail = "The request has invalid fields.") =>
        Results.ValidationProblem(errors, detail: detail, title: "Invalid request", statusCode: StatusCodes.Status400BadRequest);

    public static IResult Of(int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    public static IResult Unauthorized(string detail) => Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>Storage or the orchestration backend did not answer: the caller should try again; nothing was half-written.</summary>
    public static IResult Unavailable(string detail, TimeSpan retryAfter) =>
        new RetryAfterResult(Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail), retryAfter);

    /// <summary>Over a rate limit (per client address, or per recipient address for confirmation mails); nothing was stored.</summary>
    public static IResult TooManyRequests(string detail, TimeSpan retryAfter) =>
        new RetryAfterResult(Of(StatusCodes.Status429TooManyRequests, "Too many requests", detail), retryAfter);

    /// <summary>Adds Retry-After (whole seconds, at least 1) to another answer.</summary>
    public static IResult WithRetryAfter(IResult inner, TimeSpan retryAfter) => new RetryAfterResult(inner, retryAfter);

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
