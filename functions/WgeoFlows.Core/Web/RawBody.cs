using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Web;

/// <summary>Reading a request's raw body within a size limit, and telling its media type, for the routes that take bytes
/// (the webhooks, whose signatures are over the exact bytes; the partner registry's JSON and CSV).</summary>
public static class RawBody
{
    /// <summary>True when the Content-Type names <paramref name="mediaType"/>, whatever its parameters (charset…).</summary>
    public static bool IsMediaType(string? contentType, string mediaType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole body, or null when it is larger than <paramref name="limit"/> (a declared Content-Length is
    /// checked first; otherwise reading stops as soon as the limit is passed).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest http, int limit, CancellationToken cancellationToken)
    {
        if (http.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
