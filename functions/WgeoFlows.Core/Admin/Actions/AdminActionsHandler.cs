using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using WgeoFlows.Links;
using WgeoFlows.Matching;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.Actions;

/// <summary>
/// <c>POST /api/admin/requests/{id}/{action}</c>. Resend, reassign and match are told to the running orchestration as
/// events (it alone sends mails and moves stages, deterministically); terminate and restart act on the orchestration
/// itself; erase erases the request's personal data (<see cref="ErasureHandler"/>). Each action is written to the request's
/// timeline with the admin's identity. Answers: 202 for an action the orchestration carries out, 200 when done; 401, 404
/// (unknown request or action), 400 (bad body), 409 (wrong state; an erased request takes no action but erase).
/// </summary>
public sealed class AdminActionsHandler(
    AdminAuthenticator auth,
    RequestStore requests,
    LinkStageStore stages,
    TimelineStore timeline,
    PartnerStore partners,
    RequestCancellation cancellation,
    RequestRestart restart,
    ConsentWithdrawal consent,
    ErasureHandler erasure,
    TimeProvider clock)
{
    private const int MaxBodyBytes = 64 * 1024;
    public const int MaxReasonLength = 2000;

    public async Task<IResult> ActAsync(HttpRequest http, string requestId, string action, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        if (auth.RefuseChange(http, out var admin) is { } refusal) return refusal;
        if (!AdminActions.TryParse(action, out var known))
        {
            return Problems.NotFound($"Unknown action {Echo.Quoted(action)}. Use resend, reassign, match, terminate, restart, withdraw-consent or erase.");
        }
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64) return Problems.NotFound("No request has this id.");
        var stored = await requests.GetAsync(requestId, cancellationToken);
        if (stored is null) return Problems.NotFound($"No request has the id {requestId}.");
        var (body, bodyError) = await ReadBodyAsync(http, cancellationToken);
        if (bodyError is not null) return bodyError;

        var status = stored.Request.Status;
        if (stored.Request.ErasedAt is not null && known != AdminAction.Erase)
        {
            return Conflict($"The request's personal data was erased; it is {status} for good.");
        }
        return known switch
        {
            AdminAction.Resend => await ResendAsync(requestId, status, admin!, durable, cancellationToken),
            AdminAction.Reassign => await ReassignAsync(requestId, status, body, admin!, durable, cancellationToken),
            AdminAction.Match => await MatchAsync(requestId, status, body, admin!, durable, cancellationToken),
            AdminAction.Terminate => await TerminateAsync(stored, body, admin!, durable, cancellationToken),
            AdminAction.Restart => await restart.RestartAsync(stored, admin!, durable, cancellationToken) is { } refused
                ? Conflict(refused)
                : Results.Json(new { requestId, action, status = RequestStatus.Received.ToString() }, Shared.WgeoJson.Options,
                    statusCode: StatusCodes.Status202Accepted),
            AdminAction.WithdrawConsent => await WithdrawConsentAsync(stored, admin!, cancellationToken),
            AdminAction.Erase => await erasure.EraseRequestAsync(requestId, StringField(body, "reason"), admin!, durable, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), known, "TryParse returned an action this switch does not know."),
        };
    }

    private async Task<IResult> ResendAsync(string requestId, RequestStatus status, AdminIdentity admin, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        LinkKind? kind = status switch
        {
            RequestStatus.InReview => LinkKind.Review,
            RequestStatus.AwaitingRequesterInfo => LinkKind.Update,
            _ => null,
        };
        var open = kind is { } stageKind ? await OpenStageAsync(requestId, stageKind, cancellationToken) : null;
        if (open is null) return Conflict($"The request is {status}: only a request waiting for a review or for the requester's answer can be resent.");
        await RaiseAsync(durable, requestId, new AdminActionEvent(AdminAction.Resend, open.StageKey, admin.Name, clock.GetUtcNow()),
            $"{open.Title}", cancellationToken);
        return Accepted(requestId, AdminActions.Resend, open.StageKey);
    }

    private async Task<IResult> ReassignAsync(string requestId, RequestStatus status, JsonElement? body, AdminIdentity admin,
        DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var reviewer = StringField(body, "reviewer");
        if (!EmailAddresses.IsValid(reviewer)) return Invalid("reviewer", "Give the new reviewer's email address: { \"reviewer\": \"name@example.org\" }.");
        var open = status == RequestStatus.InReview ? await OpenStageAsync(requestId, LinkKind.Review, cancellationToken) : null;
        if (open is null) return Conflict($"The request is {status}: only a request waiting for a review can be reassigned.");
        var email = EmailAddresses.Normalize(reviewer!);
        await RaiseAsync(durable, requestId, new AdminActionEvent(AdminAction.Reassign, open.StageKey, admin.Name, clock.GetUtcNow(), email),
            $"{open.Title}: to {email}", cancellationToken);
        return Accepted(requestId, AdminActions.Reassign, open.StageKey);
    }

    private async Task<IResult> MatchAsync(string requestId, RequestStatus status, JsonElement? body, AdminIdentity admin,
        DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var partnerId = StringField(body, "partnerId");
        if (string.IsNullOrWhiteSpace(partnerId)) return Invalid("partnerId", "Give the partner's id: { \"partnerId\": \"…\" }.");
        var partner = await partners.GetAsync(partnerId, cancellationToken);
        if (partner is null) return Invalid("partnerId", $"No partner has the id {Echo.Quoted(partnerId)}.");
        if (status != RequestStatus.NeedsManualMatch) return Conflict($"The request is {status}: only a request that needs a manual match can be matched.");
        var now = clock.GetUtcNow();
        await durable.RaiseEventAsync(requestId, WorkflowEvents.AdminMatch, new AdminMatchEvent(partner.Id, admin.Name, now), cancellationToken);
        await RecordAsync(requestId, AdminActions.Match, admin, $"{partner.Name} ({partner.Id})", now, cancellationToken);
        return Accepted(requestId, AdminActions.Match, null);
    }

    private async Task<IResult> TerminateAsync(StoredRequest stored, JsonElement? body, AdminIdentity admin, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var reason = StringField(body, "reason")?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Invalid("reason", $"Give the reason the requester will read (1 to {MaxReasonLength} characters): {{ \"reason\": \"…\" }}.");
        }
        if (stored.Request.Status.IsFinal()) return Conflict($"The request is {stored.Request.Status} already: there is nothing to terminate.");
        await cancellation.CancelAsync(stored, admin, reason, durable, cancellationToken);
        return Results.Json(new { requestId = stored.Request.RequestId, action = AdminActions.Terminate, status = RequestStatus.Cancelled.ToString() },
            Shared.WgeoJson.Options);
    }

    private async Task<IResult> WithdrawConsentAsync(StoredRequest stored, AdminIdentity admin, CancellationToken cancellationToken)
    {
        var requestId = stored.Request.RequestId;
        var taken = await consent.WithdrawAsync(stored, cancellationToken);
        await RecordAsync(requestId, AdminActions.WithdrawConsent, admin,
            taken == 0 ? "consent to publish withdrawn; no story was published" : "consent to publish withdrawn; its story taken off the impact page",
            clock.GetUtcNow(), cancellationToken);
        return Results.Json(new { requestId, action = AdminActions.WithdrawConsent, consentToPublish = false, storiesRemoved = taken },
            Shared.WgeoJson.Options);
    }

    private async Task<LinkStage?> OpenStageAsync(string requestId, LinkKind kind, CancellationToken cancellationToken) =>
        (await stages.ListAsync(requestId, cancellationToken)).LastOrDefault(s => s.Kind == kind && s.IsOpen);

    private async Task RaiseAsync(DurableTaskClient durable, string requestId, AdminActionEvent action, string detail,
        CancellationToken cancellationToken)
    {
        await durable.RaiseEventAsync(requestId, WorkflowEvents.AdminAction, action, cancellationToken);
        await RecordAsync(requestId, action.Action.ToWord(), new AdminIdentity(action.Admin, ""), detail, action.At, cancellationToken);
    }

    private Task RecordAsync(string requestId, string action, AdminIdentity admin, string? detail, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        timeline.AppendAsync(new TimelineEntry(requestId, $"admin|{at.UtcTicks:D19}|{action}", admin.Name, $"admin action: {action}", detail, at),
            cancellationToken);

    private static async Task<(JsonElement? Body, IResult? Error)> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is 0 || (http.ContentLength is null && !http.Headers.ContainsKey("Transfer-Encoding"))) return (null, null);
        if (http.ContentLength > MaxBodyBytes) return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large"));
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (null, Invalid("body", "The body must be a JSON object."));
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, Invalid("body", "The body is not valid JSON."));
        }
    }

    private static string? StringField(JsonElement? body, string name) =>
        body is { } b && b.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Invalid(string field, string message) =>
        Problems.Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult Conflict(string detail) => Problems.Of(StatusCodes.Status409Conflict, "Conflict", detail);

    private static IResult Accepted(string requestId, string action, string? stageKey) =>
        Results.Json(new { requestId, action, stageKey }, Shared.WgeoJson.Options, statusCode: StatusCodes.Status202Accepted);
}
