using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Shared;

namespace WgeoFlows.Privacy.People;

/// <summary>A JSON answer that holds personal data: no browser or proxy may keep it (<c>Cache-Control: no-store</c>), and,
/// with a <paramref name="fileName"/>, it is offered as a file to save (<c>Content-Disposition: attachment</c>).</summary>
public sealed class PersonalDataResult(object body, string? fileName = null) : IResult
{
    // The app's JSON shape, with names and texts in any script written as they are rather than as \uXXXX escapes: the file
    // is for a person to read. Markup characters are still escaped.
    private static readonly JsonSerializerOptions Options = new(WgeoJson.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        if (fileName is not null) httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Json(body, Options).ExecuteAsync(httpContext);
    }
}
