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
/// POST /api/requests, the signed intake webhook (docs/integrators.md). Refusals (415, 413, 401, 400, 409) store nothing.
/// A body with a valid signature goes through <see cref="SubmissionPipeline"/>, the same as the Typeform webhook and the form page.
/// </summary>
public sealed class IntakeHandler(
    IOptions<IntakeOptions> options,
    SubmissionPipeline pipeline,
    TimeProvider clock,
    ILogger<IntakeHandler> logger)
{
    public const string TimestampHeader = "X-Wgeo-Timestamp";
    public const string SignatureHeader = "X-Wgeo-Signature";

    public async Task<IResult> SubmitAsync(HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!RequestBody.IsJson(http.ContentType)) return RequestBody.NotJson();
        var body = await RawBody.ReadAsync(http, o.MaxBodyBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(o);

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
            return (await pipeline.SubmitAsync(document.RootElement, IntakeDoor.Webhook, durable, cancellationToken)).ToApiResult();
        }
    }
}
