using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Reference;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Workflow;

namespace WgeoFlows.Admin.Requests;

/// <summary>GET /api/admin/requests (the index, one page) and GET /api/admin/requests/{id} (everything about one request).</summary>
public sealed class AdminRequestsHandler(
    AdminAuthenticator auth,
    AdminIndexStore index,
    RequestStore requests,
    SubmissionInbox inbox,
    TimelineStore timeline,
    LinkStageStore stages,
    EmailOutboxStore emails,
    MatchCandidateStore matches,
    AdminFlagStore flags)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        var errors = new Dictionary<string, string[]>();
        var q = http.Query;
        RequestStatus? status = null;
        if (!string.IsNullOrEmpty(q["status"]))
        {
            if (Enum.TryParse<RequestStatus>(q["status"], ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(q["status"], out _)) status = s;
            else errors["status"] = [$"Unknown status. Use one of: {string.Join(", ", Enum.GetNames<RequestStatus>())}."];
        }
        string? platform = null;
        if (!string.IsNullOrEmpty(q["platform"]))
        {
            if (Taxonomy.IsPlatform(q["platform"])) platform = q["platform"];
            else errors["platform"] = [$"Unknown platform. Use one of: {string.Join(", ", Taxonomy.Platforms.Select(p => p.Id))}."];
        }
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(q["pageSize"]) && (!int.TryParse(q["pageSize"], out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        }
        var continuation = q["continuation"].ToString();
        if (continuation.Length > 1024) errors["continuation"] = ["The continuation token is not valid."];
        if (errors.Count > 0) return Problems.Validation(errors);

        try
        {
            var page = await index.ListAsync(status, platform, pageSize, continuation, cancellationToken);
            return Results.Json(new { items = page.Items, continuation = page.Continuation }, Shared.WgeoJson.Options);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 400 && !string.IsNullOrEmpty(continuation))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["continuation"] = ["The continuation token is not valid."] });
        }
    }

    public async Task<IResult> DetailAsync(HttpRequest http, string requestId, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64) return Problems.NotFound("No request has this id.");
        var stored = await requests.GetAsync(requestId, cancellationToken);
        // With inputs and outputs: the gRPC client brings the failure details only then.
        var instance = await durable.GetInstanceAsync(requestId, getInputsAndOutputs: true, cancellation: cancellationToken);
        // An orchestration without its record (deleted, or started by hand with a wrong id) is still shown: it is
        // exactly the kind of thing an admin opens the detail view for.
        // Between the webhook's 202 and the dispatch, the request is only in the intake inbox.
        var pending = stored is null ? await inbox.GetPendingAsync(requestId, cancellationToken) : null;
        if (stored is null && instance is null && pending is null) return Problems.NotFound($"No request has the id {requestId}.");
        var request = stored?.Request ?? pending?.Request;

        var body = new
        {
            requestId,
            request,
            status = request?.Status,
            recordMissing = request is null,
            awaitingDispatch = pending is not null,
            orchestration = instance is null ? null : new
            {
                runtimeStatus = instance.RuntimeStatus.ToString(),
                customStatus = ParseCustomStatus(instance.SerializedCustomStatus),
                createdAt = instance.CreatedAt,
                lastUpdatedAt = instance.LastUpdatedAt,
                failure = instance.FailureDetails is null ? null : OrchestrationFailure.From(instance.FailureDetails),
            },
            flags = await flags.ListForRequestAsync(requestId, cancellationToken),
            timeline = (await timeline.ListAsync(requestId, cancellationToken))
                .Select(t => new { at = t.At, actor = t.Actor, action = t.Action, detail = t.Detail }),
            emails = await emails.ListForRequestAsync(requestId, cancellationToken),
            matches = await matches.ListAsync(requestId, cancellationToken),
            links = (await stages.ListAsync(requestId, cancellationToken)).Select(s => new
            {
                stageKey = s.StageKey,
                kind = s.Kind.ToWord(),
                title = s.Title,
                persons = s.Persons,
                openedAt = s.OpenedAt,
                open = s.IsOpen,
                decision = s.Decision,
                closedReason = s.ClosedReason,
                closedAt = s.ClosedAt,
            }),
        };
        return Results.Json(body, Shared.WgeoJson.Options);
    }

    private static JsonElement? ParseCustomStatus(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized)) return null;
        try
        {
            using var doc = JsonDocument.Parse(serialized);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(serialized);
        }
    }
}
