using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Impact;

/// <summary>Lets browsers and proxies keep a public answer for a while: the impact figures change slowly and the page
/// is the same for everyone. Set when the response starts, after the inner result's own headers.</summary>
public sealed class PublicCacheResult(IResult inner, TimeSpan maxAge) : IResult
{
    public IResult Inner => inner;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.OnStarting(() =>
        {
            httpContext.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
            return Task.CompletedTask;
        });
        return inner.ExecuteAsync(httpContext);
    }
}
