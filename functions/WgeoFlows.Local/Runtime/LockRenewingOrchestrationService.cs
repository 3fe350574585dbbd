using DurableTask.Core;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// The backend as the sidecar's dispatchers see it, with the lock renewal they lack: the in-process sidecar takes work
/// items and completes them but never renews their locks (Durable Functions' own dispatchers do). While a work item is
/// held, its messages are kept hidden here, so the visibility timeouts can stay short — they bound how long a message
/// whose dequeue was cut off by a storage outage stays lost — without a long activity being delivered a second time.
/// Everything else passes straight through.
/// </summary>
public sealed class LockRenewingOrchestrationService(
    IOrchestrationService backend,
    TimeSpan orchestrationVisibilityTimeout,
    TimeSpan activityVisibilityTimeout,
    ILogger<LockRenewingOrchestrationService> logger) : IOrchestrationService
{
    private readonly LockRenewals _orchestrations = new(orchestrationVisibilityTimeout, logger);
    private readonly LockRenewals _activities = new(activityVisibilityTimeout, logger);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await backend.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null) _orchestrations.Hold(workItem, () => backend.RenewTaskOrchestrationWorkItemLockAsync(workItem));
        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        _orchestrations.RenewNowAsync(workItem, () => backend.RenewTaskOrchestrationWorkItemLockAsync(workItem));

    public async Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        await _orchestrations.LetGoAsync(workItem);
        await backend.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages,
            timerMessages, continuedAsNewMessage, orchestrationState);
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        await _orchestrations.LetGoAsync(workItem);
        await backend.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        await _orchestrations.LetGoAsync(workItem);
        await backend.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await backend.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null) _activities.Hold(workItem, () => backend.RenewTaskActivityWorkItemLockAsync(workItem));
        return workItem!;
    }

    public async Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        await _activities.RenewNowAsync(workItem, () => backend.RenewTaskActivityWorkItemLockAsync(workItem));
        return workItem;
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await _activities.LetGoAsync(workItem);
        await backend.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await _activities.LetGoAsync(workItem);
        await backend.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public Task StartAsync() => backend.StartAsync();
    public Task StopAsync() => backend.StopAsync();
    public Task StopAsync(bool isForced) => backend.StopAsync(isForced);
    public Task CreateAsync() => backend.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => backend.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => backend.CreateIfNotExistsAsync();
    public Task DeleteAsync() => backend.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => backend.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        backend.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => backend.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => backend.GetDelayInSecondsAfterOnFetchException(exception);
    public int TaskOrchestrationDispatcherCount => backend.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => backend.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => backend.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => backend.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => backend.MaxConcurrentTaskActivityWorkItems;
}
