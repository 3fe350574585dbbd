using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace WgeoFlows.WorkflowContracts;

/// <summary>An external event of the request workflow: its name (kept in histories, so never renamed) and its payload type,
/// so that whoever raises it and the orchestration that waits for it cannot disagree on either.</summary>
public sealed class WorkflowEvent<TPayload>(string name) where TPayload : class
{
    public string Name => name;

    public override string ToString() => name;
}

/// <summary>Typed raising and waiting, so that no caller spells an event name or casts a payload.</summary>
public static class WorkflowEventExtensions
{
    public static Task RaiseEventAsync<TPayload>(this DurableTaskClient client, string instanceId, WorkflowEvent<TPayload> workflowEvent,
        TPayload payload, CancellationToken cancellationToken = default) where TPayload : class =>
        client.RaiseEventAsync(instanceId, workflowEvent.Name, payload, cancellationToken);

    public static Task<TPayload> WaitForEventAsync<TPayload>(this TaskOrchestrationContext context, WorkflowEvent<TPayload> workflowEvent)
        where TPayload : class =>
        context.WaitForExternalEvent<TPayload>(workflowEvent.Name);
}
