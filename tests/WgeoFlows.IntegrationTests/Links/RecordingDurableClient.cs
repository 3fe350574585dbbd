using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace WgeoFlows.Tests.Links;

/// <summary>A Durable client that records the events raised through it (and can fail the next raises), passing every
/// other call on to a real client.</summary>
public sealed class RecordingDurableClient(DurableTaskClient inner) : DurableTaskClient("recording")
{
    private readonly List<(string InstanceId, string EventName, object? Payload)> _raised = [];

    /// <summary>How many of the next raises fail as if the orchestration backend did not answer.</summary>
    public int FailNextRaises { get; set; }

    public IReadOnlyList<(string InstanceId, string EventName, object? Payload)> Raised
    {
        get { lock (_raised) return _raised.ToList(); }
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        if (FailNextRaises > 0)
        {
            FailNextRaises--;
            throw new InvalidOperationException("The orchestration backend did not answer (a test fault).");
        }
        lock (_raised) _raised.Add((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null,
        StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) => inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) => inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) => inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => inner.GetAllInstancesAsync(filter);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
