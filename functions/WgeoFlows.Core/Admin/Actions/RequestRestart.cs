using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using WgeoFlows.Links;
using WgeoFlows.Storage;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.Actions;

/// <summary>
/// An admin's restart of a failed request: the failed orchestration's history is purged and the workflow starts again
/// under the same id, from the stored request, with the next <see cref="RequestWorkflowInput.Attempt"/> so that its link
/// stages and their emails are new. The request record, its timeline and its sent-mail outbox stay (the
/// acknowledgement is not sent twice). Links of the failed run are closed first.
/// </summary>
public sealed class RequestRestart(LinkStageStore stages, RecordStatusActivity statuses, TimeProvider clock)
{
    /// <returns>Null when restarted; otherwise why not (the request is not failed).</returns>
    public async Task<string?> RestartAsync(StoredRequest stored, AdminIdentity admin, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var requestId = stored.Request.RequestId;
        var instance = await durable.GetInstanceAsync(requestId, getInputsAndOutputs: true, cancellationToken);
        var failed = stored.Request.Status == RequestStatus.Failed || instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed;
        if (!failed)
        {
            return $"The request is {stored.Request.Status} (orchestration {instance?.RuntimeStatus.ToString() ?? "missing"}): " +
                "only a failed request can be restarted.";
        }

        var previousInput = instance?.ReadInputAs<RequestWorkflowInput>();
        var attempt = (previousInput?.Attempt ?? 0) + 1;
        var failure = instance?.FailureDetails is { } f ? $"{f.ErrorType}: {f.ErrorMessage}" : "failed";
        var now = clock.GetUtcNow();
        var allStages = await stages.ListAsync(requestId, cancellationToken);
        // A run that failed before its requester confirmed asks for the confirmation again; a confirmed one does not.
        var awaitConfirmation = previousInput?.AwaitConfirmation == true
            && !allStages.Any(s => s.Kind == Links.LinkKind.Confirm && s.Decision is not null);
        foreach (var stage in allStages.Where(s => s.IsOpen))
        {
            await stages.CloseAsync(requestId, stage.StageKey, "the request was restarted", now, cancellationToken);
        }
        if (instance is not null) await durable.PurgeInstanceAsync(requestId, cancellationToken);

        await statuses.RunAsync(new RecordStatusCommand(requestId, RequestStatus.Received, stored.Request.Status,
            $"admin|{now.UtcTicks:D19}|{AdminActions.Restart}", admin.Name, $"admin action: {AdminActions.Restart}",
            $"attempt {attempt} after: {failure}", now), cancellationToken);
        await durable.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RequestOrchestrator, new RequestWorkflowInput(requestId, attempt, awaitConfirmation),
            new StartOrchestrationOptions(InstanceId: requestId), cancellationToken);
        return null;
    }
}
