using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Intake.Held;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Web;

namespace WgeoFlows.Intake.Typeform;

/// <summary>
/// POST /api/requests/typeform: Typeform's own webhook format. The signature is checked over the raw body, the answers are
/// mapped to the contract's JSON (<see cref="TypeformMapping"/>) and that goes through the same
/// <see cref="SubmissionPipeline"/> as the signed webhook, with the same answers (202, 200 duplicate, 409, 503).
/// A correctly signed form response whose answers do not make a valid request (an unknown choice, an "Other" text, a
/// missing answer) is not refused, since Typeform would then give up on it and the respondent's words would be lost: it is
/// held for an admin (<see cref="HeldIntake"/>) and answered 200 with the field errors, each naming its contract path and
/// Typeform field ref. A body that is not JSON, not a form response, or wrongly signed is still refused, and nothing is kept.
/// </summary>
public sealed class TypeformHandler(
    IOptions<IntakeOptions> options,
    TypeformSettings settings,
    SubmissionPipeline pipeline,
    HeldIntake held,
    DispatchQueue dispatch,
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
            if (outcome is not IntakeOutcome.Invalid invalid) return outcome.ToApiResult();
            // Holding stores as much as accepting: a full dispatch queue refuses it the same way.
            if (dispatch.Waiting >= dispatch.Capacity) return SubmissionIntake.QueueFull().ToApiResult();
            var submissionId = mapped.Submission["submissionId"]!.GetValue<string>();
            try
            {
                return HeldIntake.Answer(await held.HoldAsync(HeldDelivery.TypeformSource, submissionId, body, NameRefs(invalid.Errors, settings),
                    mapped.Submission, cancellationToken));
            }
            catch (Exception e) when (Shared.TransientFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                // Not kept: Typeform must deliver it again, so the answer is the 503 of any storage outage, never a 200.
                logger.LogWarning(e, "A Typeform delivery to hold could not be stored: storage did not answer");
                return Problems.Unavailable("Storage is not answering right now. Nothing was lost: please deliver the submission again.",
                    TimeSpan.FromSeconds(5));
            }
        }
    }

    /// <summary>Adds the Typeform field ref to each message, so the form's owner knows which question to fix.</summary>
    public static Dictionary<string, string[]> NameRefs(IReadOnlyDictionary<string, string[]> errors, TypeformSettings settings) =>
        errors.ToDictionary(e => e.Key, e => TypeformMapping.RefFor(e.Key, settings) is { } fieldRef
            ? e.Value.Select(m => $"{m} (Typeform field ref '{fieldRef}')").ToArray()
            : e.Value);
}
