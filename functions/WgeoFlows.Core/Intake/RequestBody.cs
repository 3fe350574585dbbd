using Microsoft.AspNetCore.Http;
using WgeoFlows.Configuration;
using WgeoFlows.Web;

namespace WgeoFlows.Intake;

/// <summary>The media type and size answers both webhooks give (their bodies are read with <see cref="RawBody"/>: signatures are over the exact bytes).</summary>
internal static class RequestBody
{
    public static bool IsJson(string? contentType) => RawBody.IsMediaType(contentType, "application/json");

    public static IResult NotJson() =>
        Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the submission as application/json.");

    public static IResult TooLarge(IntakeOptions o) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"A submission may be at most {o.MaxBodyBytes / (1024 * 1024)} MiB.");
}
