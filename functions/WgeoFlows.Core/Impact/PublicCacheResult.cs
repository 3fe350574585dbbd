using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Impact;

/// <summary>Lets browsers and proxies keep a public answer for a while: the impact figures change slowly and are the
/// same for everyone. For results that set no Cache-Control of their own (JSON, text).</summary>
public sealed class PublicCacheResult(IResult inner, TimeSpan maxAge) : IResult
{
    public static string HeaderValue(TimeSpan maxAge) => $"public, max-age={(int)maxAge.TotalSeconds}";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = HeaderValue(maxAge);
        return inner.ExecuteAsync(httpContext);
    }
}
