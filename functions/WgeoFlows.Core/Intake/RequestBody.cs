using Microsoft.AspNetCore.Http;
using WgeoFlows.Configuration;
using WgeoFlows.Web;

namespace WgeoFlows.Intake;

/// <summary>Reading a webhook's raw body (signatures are over its exact bytes) within the size limit, for both webhooks.</summary>
internal static class RequestBody
{
    public static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public static IResult NotJson() =>
        Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the submission as application/json.");

    public static IResult TooLarge(IntakeOptions o) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"A submission may be at most {o.MaxBodyBytes / (1024 * 1024)} MiB.");

    /// <summary>The raw body, or null when it exceeds <paramref name="limit"/> (a declared Content-Length is checked first).</summary>
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
