using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WgeoFlows.Web;

/// <summary>
/// The last guard between a storage failure and the caller, on every /api route of both hosts: a
/// <see cref="RequestFailedException"/> that a handler did not answer itself becomes a 503 problem+json with Retry-After and
/// a fixed text. The exception (whose message names tables, properties, limits and request ids of the storage account) goes
/// to the log only, never into the answer, and never a 500 or a developer exception page.
/// </summary>
public sealed class StorageFaultFilter : IEndpointFilter
{
    public const string Detail = "Storage is not answering right now. Nothing was changed: please try again in a moment.";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RequestFailedException e) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Answer(context.HttpContext, e);
        }
    }

    /// <summary>The answer for <paramref name="e"/>, logged with its details (also used by the Functions host's middleware).</summary>
    public static IResult Answer(HttpContext http, RequestFailedException e)
    {
        http.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger<StorageFaultFilter>()
            .LogError(e, "Storage refused {Method} {Path} ({Status} {ErrorCode}); answered 503", http.Request.Method, http.Request.Path, e.Status, e.ErrorCode);
        return Problems.Unavailable(Detail, RetryAfter);
    }
}
