using WgeoFlows.Impact;
using WgeoFlows.RequestIndex;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Activities;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
/// <summary>A status change. <see cref="Previous"/> is what the orchestrator left, so the admin index can move the row.</summary>
public sealed record RecordStatusCommand(string RequestId, RequestStatus Status, RequestStatus? Previous, string EventKey,
    string Actor, string Action, string? Detail, DateTimeOffset At) : IHasRequestId;

/// <summary>One status change, written everywhere it shows: the request record, its timeline, the admin index.</summary>
public sealed class RecordStatusActivity(RequestStore requests, TimelineStore timeline, AdminIndexStore index, ImpactRecorder impact)
    : IWorkflowActivity<RecordStatusCommand, bool>
{
    public async Task<bool> RunAsync(RecordStatusCommand command, CancellationToken cancellationToken = default)
    {
        var cancelled = false;
        var request = await requests.UpdateAsync(command.RequestId, r =>
        {
            // An admin's cancellation is final: an activity the terminated orchestration scheduled just before it stopped
            // must not bring the request back to life.
            cancelled = r.Status == RequestStatus.Cancelled && command.Status != RequestStatus.Cancelled;
            return cancelled ? r : r with { Status = command.Status, UpdatedAt = command.At };
        }, cancellationToken);
        if (cancelled) return true;
        await timeline.AppendAsync(new TimelineEntry(command.RequestId, command.EventKey, command.Actor, command.Action,
            command.Detail is null ? $"status {command.Status}" : $"status {command.Status}: {command.Detail}", command.At), cancellationToken);
        await index.RecordAsync(new AdminIndexItem(request.RequestId, request.Title, request.Organization.Name, request.Organization.Platform,
            request.Organization.Country, command.Status, request.SubmittedAt, command.At), command.Previous, cancellationToken);
        // A request counts for the impact figures once its requester confirmed it: not while it waits, nor when it expires unconfirmed.
        if (command.Status != RequestStatus.AwaitingConfirmation
            && !(command.Status == RequestStatus.Expired && command.Previous == RequestStatus.AwaitingConfirmation))
        {
            await impact.RecordAsync(request, command.Status, command.Previous, command.At, cancellationToken);
        }
        WgeoMetrics.StatusChanged(command.Status, command.Previous);
        return true;
    }
}
