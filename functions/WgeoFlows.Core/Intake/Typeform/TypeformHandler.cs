using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Web;

namespace WgeoFlows.Intake.Typeform;

/// <summary>
/// POST /api/requests/typeform: Typeform's own webhook format. The signature is checked over the raw body, the answers are
/// mapped to the contract's JSON (<see cref="TypeformMapping"/>) and that goes through the same
/// <see cref="SubmissionPipeline"/> as the signed webhook, with the same answers (202, 200 duplicate, 400, 409, 503).
/// A 400 names the contract path and the Typeform field ref of every bad answer.
/// </summary>
public sealed class TypeformHandler(
    IOptions<IntakeOptions> options,
    TypeformSettings settings,
    SubmissionPipeline pipeline,
    ILogger<TypeformHandler> logger)
{
    public async Task<IResult> SubmitAsync(HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (!RequestBody.IsJson(http.ContentType)) return RequestBody.NotJson();
        var body = await RawBody.ReadAsync(http, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null) return RequestBody.TooLarge(options.Value);

        if (string.IsNullOrEmpty(settings.Secret))
            return Problems.Unauthorized($"Typeform deliveries cannot be checked: {TypeformSettings.Section}:Secret is not configured.");
        if (!TypeformSignature.IsValid(settings.Secret, http.Headers[TypeformSignature.Header], body))
        {
            logger.LogInformation("Refused a Typeform delivery: missing or wrong {Header}", TypeformSignature.Header);
            return Problems.Unauthorized($"The {TypeformSignature.Header} header is missing or does not match the body signed with the secret.");
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
            var mapped = TypeformMapping.Map(document.RootElement, settings);
            if (mapped.Submission is null) return Problems.Validation(mapped.Errors.ToDictionary(e => e.Key, e => e.Value));
            var outcome = await pipeline.SubmitAsync(JsonSerializer.SerializeToElement(mapped.Submission), IntakeDoor.Typeform, durable, cancellationToken);
            return outcome is IntakeOutcome.Invalid invalid ? Problems.Validation(NameRefs(invalid.Errors)) : outcome.ToApiResult();
        }
    }

    /// <summary>Adds the Typeform field ref to each message, so the form's owner knows which question to fix.</summary>
    private Dictionary<string, string[]> NameRefs(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => TypeformMapping.RefFor(e.Key, settings) is { } fieldRef
            ? e.Value.Select(m => $"{m} (Typeform field ref '{fieldRef}')").ToArray()
            : e.Value);
}
