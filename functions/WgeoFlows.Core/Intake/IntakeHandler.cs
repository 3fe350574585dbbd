using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Shared;
using WgeoFlows.Web;

namespace WgeoFlows.Intake;

/// <summary>
/// POST /api/requests, the signed intake webhook (CONTRACT.md). Refusals (415, 413, 401, 400, 409) store nothing.
/// An accepted submission is claimed once (<see cref="SubmissionStore"/>); the claim holder stores the attachments and
/// the record and starts the orchestration; every other delivery of the same submission gets the same request id.
/// </summary>
public sealed class IntakeHandler(
    IOptions<IntakeOptions> options,
    SubmissionIntake intake,
    TimeProvider clock,
    ILogger<IntakeHandler> logger)
{
    public const string TimestampHeader = "X-Wgeo-Timestamp";
    public const string SignatureHeader = "X-Wgeo-Signature";

    public async Task<IResult> SubmitAsync(HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!IsJson(http.ContentType))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the submission as application/json.");
        }
        if (http.ContentLength > o.MaxBodyBytes) return TooLarge(o);
        var body = await ReadBodyAsync(http, o.MaxBodyBytes, cancellationToken);
        if (body is null) return TooLarge(o);

        var signature = WebhookSignature.Verify(o.WebhookSecret, http.Headers[TimestampHeader], http.Headers[SignatureHeader], body,
            clock.GetUtcNow(), o.TimestampTolerance);
        if (!signature.IsValid)
        {
            logger.LogInformation("Refused an intake delivery: {Status}", signature.Status);
            return Problems.Unauthorized(signature.Message);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = [$"The body is not valid JSON: {e.Message}"] });
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] });
            }
            var validation = SubmissionValidator.Validate(document.RootElement);
            if (!validation.IsValid)
            {
                return Problems.Validation(validation.Errors.ToDictionary(e => e.Key, e => e.Value));
            }
            return await intake.AcceptAsync(validation.Submission!, SubmissionFingerprint.Of(document.RootElement), durable, cancellationToken);
        }
    }

    private static IResult TooLarge(IntakeOptions o) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"A submission may be at most {o.MaxBodyBytes / (1024 * 1024)} MiB.");

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the raw body (the signature is over its exact bytes), or null when it exceeds <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest http, int limit, CancellationToken cancellationToken)
    {
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
