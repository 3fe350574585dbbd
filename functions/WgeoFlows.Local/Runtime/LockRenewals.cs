using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// Keeps the queue messages of the work items a dispatcher holds hidden: renews each one's lock every third of the
/// visibility timeout (so that one renewal slowed down by storage still lands in time) until the dispatcher lets the
/// work item go. A renewal and the completion of the same work item never overlap: both change the hidden message's
/// pop receipt, and a completion made with a stale one would leave the message to be delivered again.
/// The renewal interval is waited on <paramref name="clock"/>, so that tests can move time instead of waiting for it.
/// </summary>
public sealed class LockRenewals(TimeSpan visibilityTimeout, ILogger logger, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<object, Held> _held = new(ReferenceEqualityComparer.Instance);
    private readonly TimeSpan _interval = visibilityTimeout / 3;

    /// <summary>Starts renewing <paramref name="workItem"/>'s lock with <paramref name="renew"/>.</summary>
    public void Hold(object workItem, Func<Task> renew)
    {
        var held = new Held(renew);
        if (_held.TryAdd(workItem, held)) held.Loop = RenewUntilLetGoAsync(workItem, held);
    }

    /// <summary>A renewal the dispatcher asks for itself, taking turns with the background ones.</summary>
    public async Task RenewNowAsync(object workItem, Func<Task> renew)
    {
        if (!_held.TryGetValue(workItem, out var held))
        {
            await renew();
            return;
        }
        await held.Turn.WaitAsync();
        try
        {
            await renew();
        }
        finally
        {
            held.Turn.Release();
        }
    }

    /// <summary>Stops renewing, after the renewal under way if there is one; then the work item may be completed.</summary>
    public async Task LetGoAsync(object workItem)
    {
        if (!_held.TryRemove(workItem, out var held)) return;
        await held.Stop.CancelAsync();
        await held.Loop;
        held.Stop.Dispose();
        held.Turn.Dispose();
    }

    private async Task RenewUntilLetGoAsync(object workItem, Held held)
    {
        while (true)
        {
            try
            {
                await Task.Delay(_interval, _clock, held.Stop.Token);
                await held.Turn.WaitAsync(held.Stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await held.Renew();
            }
            catch (Exception e)
            {
                // Storage may be down for a moment: the next renewal tries again, and if the lock runs out meanwhile the
                // message is delivered again, which the workflow's idempotent activities are written for.
                logger.LogWarning(e, "Could not renew the lock of {WorkItem}; trying again in {Interval}", Describe(workItem), _interval);
            }
            finally
            {
                held.Turn.Release();
            }
        }
    }

    private static string Describe(object workItem) => workItem switch
    {
        DurableTask.Core.TaskOrchestrationWorkItem o => $"orchestration {o.InstanceId}",
        DurableTask.Core.TaskActivityWorkItem a => $"activity {a.TaskMessage?.OrchestrationInstance?.InstanceId}/{a.Id}",
        _ => workItem.ToString() ?? "",
    };

    private sealed class Held(Func<Task> renew)
    {
        public Func<Task> Renew { get; } = renew;
        public CancellationTokenSource Stop { get; } = new();
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public Task Loop { get; set; } = Task.CompletedTask;
    }
}
