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

/// <summary>Adds a <c>Vary</c> header to a result: the public impact page's language comes from the cookie and the browser's
/// Accept-Language as well as from the URL.</summary>
public sealed class VaryResult(IResult inner, string vary) : IResult
{
    public IResult Inner => inner;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Vary = vary;
        return inner.ExecuteAsync(httpContext);
    }
}
