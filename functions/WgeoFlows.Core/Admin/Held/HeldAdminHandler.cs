using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Held;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.Held;

/// <summary>
/// The admins' side of held deliveries (<see cref="HeldIntake"/>):
/// <c>GET /api/admin/held</c> (the "needs attention" list), <c>GET /api/admin/held/{id}</c> (the delivery, its field errors,
/// its raw body and what the current mapping makes of it), <c>POST /api/admin/held/{id}/release</c> (optionally
/// <c>{ "fields": { "&lt;contract path&gt;": value, … } }</c> replacing what the mapping gave; the result goes through the
/// normal intake validation and dispatch) and <c>POST /api/admin/held/{id}/discard</c> (<c>{ "reason": "…" }</c>; deletes the
/// raw body). Both are idempotent: the same action again answers as the first did.
/// </summary>
public sealed class HeldAdminHandler(
    AdminAuthenticator auth,
    HeldDeliveryStore store,
    TypeformSettings typeform,
    SubmissionPipeline pipeline,
    TimelineStore timeline,
    TimeProvider clock,
    ILogger<HeldAdminHandler> logger)
{
    public const string Release = "release", Discard = "discard";
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxReasonLength = 2000;

    public async Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Unauthorized();
        var items = await store.ListOpenAsync(cancellationToken);
        return Results.Json(new { items = items.Select(Summary) }, WgeoJson.Options);
    }

    public async Task<IResult> DetailAsync(HttpRequest http, string id, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Unauthorized();
        var held = await FindAsync(id, cancellationToken);
        if (held is null) return NotFound(id);
        var raw = held.State == HeldState.Held ? await store.ReadBodyAsync(held, cancellationToken) : null;
        JsonElement? rawJson = null;
        JsonObject? mapped = null;
        IReadOnlyDictionary<string, string[]>? currentErrors = null;
        if (raw is not null)
        {
            rawJson = JsonDocument.Parse(raw).RootElement.Clone();
            (mapped, currentErrors) = MapNow(held, rawJson.Value);
        }
        return Results.Json(new
        {
            item = Summary(held),
            raw = rawJson,
            mapped,
            currentErrors,
            fields = TypeformSettings.ContractPaths.Keys,
        }, WgeoJson.Options);
    }

    public async Task<IResult> ActAsync(HttpRequest http, string id, string action, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var admin = auth.Authenticate(http);
        if (admin is null) return Unauthorized();
        if (action is not (Release or Discard)) return Problems.NotFound($"Unknown action {Echo.Quoted(action)}. Use {Release} or {Discard}.");
        var held = await FindAsync(id, cancellationToken);
        if (held is null) return NotFound(id);
        var (body, bodyError) = await ReadBodyAsync(http, cancellationToken);
        if (bodyError is not null) return bodyError;
        return action == Release
            ? await ReleaseAsync(held, body, admin, durable, cancellationToken)
            : await DiscardAsync(held, body, admin, cancellationToken);
    }

    private async Task<IResult> ReleaseAsync(HeldDelivery held, JsonElement? body, AdminIdentity admin, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        switch (held.State)
        {
            case HeldState.Released:
                await store.CloseAsync(held, cancellationToken); // finishes a close a crash interrupted; changes nothing otherwise
                return Released(held, held.RequestId!, duplicate: true);
            case HeldState.Discarded:
                return Conflict($"The delivery {held.Id} was discarded: there is nothing left to release.");
        }
        var raw = await store.ReadBodyAsync(held, cancellationToken);
        if (raw is null) return Conflict($"The raw body of {held.Id} is missing: it cannot be released.");
        var (mapped, _) = MapNow(held, JsonDocument.Parse(raw).RootElement);
        if (mapped is null) return Conflict($"The delivery {held.Id} is not a form response any more: it cannot be released.");
        var fieldErrors = ApplyFields(mapped, body);
        if (fieldErrors is not null) return Problems.Validation(fieldErrors);
        mapped["submissionId"] = held.SubmissionId;

        var outcome = await pipeline.SubmitAsync(JsonSerializer.SerializeToElement(mapped), IntakeDoor.Typeform, durable, cancellationToken);
        switch (outcome)
        {
            case IntakeOutcome.Accepted accepted:
                var now = clock.GetUtcNow();
                await timeline.AppendAsync(new TimelineEntry(accepted.RequestId, $"admin|{now.UtcTicks:D19}|release-held", admin.Name,
                    "admin action: release held delivery", $"{held.Source} delivery {held.Id}", now), cancellationToken);
                await store.CloseAsync(held with { State = HeldState.Released, RequestId = accepted.RequestId, DecidedAt = now, DecidedBy = admin.Name },
                    cancellationToken);
                logger.LogInformation("Held delivery {HeldId} released as request {RequestId}", held.Id, accepted.RequestId);
                return Released(held, accepted.RequestId, accepted.Duplicate, accepted.StatusUrl);
            case IntakeOutcome.Invalid invalid:
                var errors = held.Source == HeldDelivery.TypeformSource ? TypeformHandler.NameRefs(invalid.Errors, typeform) : invalid.Errors.ToDictionary();
                await store.UpdateAsync(held with { Errors = HeldDeliveryStore.Bounded(errors) }, cancellationToken);
                return Problems.Validation(errors, "The corrected delivery still has invalid fields; it stays held.");
            default:
                return outcome.ToApiResult();
        }
    }

    private async Task<IResult> DiscardAsync(HeldDelivery held, JsonElement? body, AdminIdentity admin, CancellationToken cancellationToken)
    {
        var reason = body is { } b && b.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Give the reason it is discarded (1 to {MaxReasonLength} characters): {{ \"reason\": \"…\" }}."],
            });
        }
        switch (held.State)
        {
            case HeldState.Released:
                return Conflict($"The delivery {held.Id} was released as request {held.RequestId}: erase or terminate that request instead.");
            case HeldState.Discarded:
                await store.CloseAsync(held, cancellationToken);
                return Results.Json(new { heldId = held.Id, state = held.State.ToString(), reason = held.Reason }, WgeoJson.Options);
        }
        var discarded = held with { State = HeldState.Discarded, DecidedAt = clock.GetUtcNow(), DecidedBy = admin.Name, Reason = reason };
        await store.CloseAsync(discarded, cancellationToken);
        logger.LogInformation("Held delivery {HeldId} discarded by {Admin}", held.Id, admin.Name);
        return Results.Json(new { heldId = held.Id, state = discarded.State.ToString(), reason }, WgeoJson.Options);
    }

    /// <summary>What the current mapping (its configuration may have been corrected since) makes of the raw body, and the
    /// validator's errors for it.</summary>
    private (JsonObject? Mapped, IReadOnlyDictionary<string, string[]>? Errors) MapNow(HeldDelivery held, JsonElement raw)
    {
        if (held.Source != HeldDelivery.TypeformSource) return (null, null);
        var mapped = TypeformMapping.Map(raw, typeform);
        if (mapped.Submission is null) return (null, mapped.Errors);
        var validation = SubmissionValidator.Validate(JsonSerializer.SerializeToElement(mapped.Submission));
        return (mapped.Submission, validation.IsValid ? new Dictionary<string, string[]>() : TypeformHandler.NameRefs(validation.Errors, typeform));
    }

    /// <summary>Puts the admin's corrected fields (<c>fields</c>: contract path → JSON value, null to remove) in place of
    /// what the mapping gave; the errors of unknown paths, or null.</summary>
    private static Dictionary<string, string[]>? ApplyFields(JsonObject mapped, JsonElement? body)
    {
        if (body is not { } b || !b.TryGetProperty("fields", out var fields) || fields.ValueKind == JsonValueKind.Null) return null;
        if (fields.ValueKind != JsonValueKind.Object)
            return new() { ["fields"] = ["Give the corrected fields as an object: { \"fields\": { \"organization.platform\": \"cities\" } }."] };
        var unknown = fields.EnumerateObject().Where(f => !TypeformSettings.ContractPaths.ContainsKey(f.Name)).ToList();
        if (unknown.Count > 0)
        {
            return unknown.ToDictionary(f => "fields." + f.Name,
                _ => new[] { $"Not a field of a request; use one of: {string.Join(", ", TypeformSettings.ContractPaths.Keys)}." });
        }
        foreach (var field in fields.EnumerateObject())
        {
            var dot = field.Name.IndexOf('.');
            var (section, name) = (field.Name[..dot], field.Name[(dot + 1)..]);
            if (mapped[section] is not JsonObject parent) mapped[section] = parent = new JsonObject();
            if (field.Value.ValueKind == JsonValueKind.Null) parent.Remove(name);
            else parent[name] = JsonNode.Parse(field.Value.GetRawText());
        }
        return null;
    }

    private async Task<HeldDelivery?> FindAsync(string id, CancellationToken cancellationToken) =>
        HeldDelivery.IsWellFormedId(id) ? await store.GetAsync(id, cancellationToken) : null;

    private static object Summary(HeldDelivery h) => new
    {
        id = h.Id,
        source = h.Source,
        submissionId = h.SubmissionId,
        receivedAt = h.ReceivedAt,
        state = h.State.ToString(),
        organization = h.Organization,
        contactEmail = h.ContactEmail,
        title = h.Title,
        errors = h.Errors,
        notified = h.NotifiedAt is not null,
        requestId = h.RequestId,
        decidedAt = h.DecidedAt,
        decidedBy = h.DecidedBy,
        reason = h.Reason,
    };

    private static IResult Released(HeldDelivery held, string requestId, bool duplicate, string? statusUrl = null) =>
        Results.Json(new { heldId = held.Id, state = HeldState.Released.ToString(), requestId, status = RequestStatus.Received.ToString(), statusUrl, duplicate },
            WgeoJson.Options, statusCode: duplicate ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);

    private static async Task<(JsonElement? Body, IResult? Error)> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is 0 || (http.ContentLength is null && !http.Headers.ContainsKey("Transfer-Encoding"))) return (null, null);
        var bytes = await RawBody.ReadAsync(http, MaxBodyBytes, cancellationToken);
        if (bytes is null) return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"At most {MaxBodyBytes} bytes."));
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (null, Invalid("body", "The body must be a JSON object."));
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, Invalid("body", "The body is not valid JSON."));
        }
    }

    private static IResult Invalid(string field, string message) => Problems.Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult Unauthorized() => Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");

    private static IResult NotFound(string id) => Problems.NotFound($"No held delivery has the id {id}.");

    private static IResult Conflict(string detail) => Problems.Of(StatusCodes.Status409Conflict, "Conflict", detail);
}
