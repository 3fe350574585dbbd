using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WgeoFlows.Intake.Attachments;

/// <summary>An attachment sent as a download, never rendered by the browser: Content-Disposition attachment with the
/// stored safe name, the content type checked at intake, nosniff, and a sandbox policy in case a browser opens it anyway.</summary>
public sealed class AttachmentFileResult(Stream content, string contentType, string fileName, long size) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var _ = content;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = size;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        await content.CopyToAsync(response.Body, httpContext.RequestAborted);
    }
}
