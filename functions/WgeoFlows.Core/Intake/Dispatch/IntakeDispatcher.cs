using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Intake.Dispatch;

/// <summary>
/// Turns an accepted submission's inbox row into the request itself: its attachments in Blob Storage, its request
/// record, its started orchestration, and then the row marked done. Every step is idempotent, so a dispatch that is
/// interrupted (a crash, a storage outage) is simply run again by the sweep, and a row dispatched twice (two hosts'
/// sweeps) still gives one record and one orchestration.
/// </summary>
public sealed class IntakeDispatcher(
    SubmissionInbox inbox,
    AttachmentStore attachments,
    RequestStore requests,
    TimeProvider clock,
    ILogger<IntakeDispatcher> logger)
{
    /// <summary>Dispatches <paramref name="pending"/>. <paramref name="fresh"/>: handed over in-process by the delivery
    /// that has just added the row, so nobody can have started its orchestration yet and the check is skipped; a retry
    /// or a sweep asks first.</summary>
    public async Task DispatchAsync(PendingSubmission pending, bool fresh, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var operation = RequestOperation.Start(logger, "dispatch", pending.RequestId);
        foreach (var a in pending.Inline) await attachments.UploadAsync(a.BlobName, a.ContentType, a.Content, cancellationToken);
        await requests.TryAddAsync(pending.Request, cancellationToken);
        if (fresh || await durable.GetInstanceAsync(pending.RequestId, cancellationToken) is null)
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RequestOrchestrator, new RequestWorkflowInput(pending.RequestId,
                    AwaitConfirmation: pending.Request.Status == RequestStatus.AwaitingConfirmation),
                new StartOrchestrationOptions(InstanceId: pending.RequestId), cancellationToken);
        }
        await inbox.MarkDispatchedAsync(pending, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Reads the row of <paramref name="requestId"/> and dispatches it if it still waits; false when there was
    /// nothing to do.</summary>
    public async Task<bool> DispatchStoredAsync(string requestId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if ((await inbox.GetAsync(requestId, cancellationToken))?.Pending is not { } pending) return false;
        await DispatchAsync(pending, fresh: false, durable, cancellationToken);
        return true;
    }
}
