using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Admin.Dashboard;

/// <summary>
/// The dashboard's page or its script, each served as one file: the parts in <c>Page/</c> (one per view) or in
/// <c>Script/</c> (the shared core, one per view, the start), embedded in the assembly and joined in the order of their
/// names when the app starts. Small files to edit, one request for the browser, no build step. The page's policy lets
/// it run its own script from this origin and call this origin's API, and nothing else: no inline script, no other origin.
/// </summary>
public sealed class DashboardAsset : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static readonly DashboardAsset Page = Join("Page", "text/html; charset=utf-8");
    public static readonly DashboardAsset Script = Join("Script", "text/javascript; charset=utf-8");

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

    private static DashboardAsset Join(string folder, string contentType)
    {
        var prefix = "WgeoFlows.Admin.Dashboard." + folder + ".";
        var assembly = Assembly.GetExecutingAssembly();
        var parts = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (parts.Count == 0) throw new InvalidOperationException($"No dashboard file is embedded under {prefix}.");
        using var joined = new MemoryStream();
        foreach (var part in parts)
        {
            using var stream = assembly.GetManifestResourceStream(part)!;
            stream.CopyTo(joined);
        }
        return new DashboardAsset(joined.ToArray(), contentType);
    }
}
