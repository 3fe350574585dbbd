using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Admin.Dashboard;

/// <summary>
/// A file of the dashboard (page or script), embedded in the assembly and served as it is. The page's policy lets it run
/// its own script from this origin and call this origin's API, and nothing else: no inline script, no other origin.
/// </summary>
public sealed class DashboardAsset : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static readonly DashboardAsset Page = Load("dashboard.html", "text/html; charset=utf-8");
    public static readonly DashboardAsset Script = Load("dashboard.js", "text/javascript; charset=utf-8");

    private readonly byte[] _content;

    private DashboardAsset(byte[] content, string contentType)
    {
        _content = content;
        ContentType = contentType;
    }

    public string ContentType { get; }
    public string Text => System.Text.Encoding.UTF8.GetString(_content);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.ContentLength = _content.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method)) return;
        await response.Body.WriteAsync(_content);
    }

    private static DashboardAsset Load(string file, string contentType)
    {
        var resource = "WgeoFlows.Admin.Dashboard." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Dashboard file {resource} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new DashboardAsset(copy.ToArray(), contentType);
    }
}
