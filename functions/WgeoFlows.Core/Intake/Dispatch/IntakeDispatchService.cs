using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WgeoFlows.Shared;

namespace WgeoFlows.Intake.Dispatch;

/// <summary>
/// Runs the dispatches the webhook hands over, a few at a time, off the request path: the webhook's answer waits for
/// one table write only, and a burst of submissions starts its workflows after it, at the pace the host can take. A failed
/// dispatch is retried a few times with a growing pause, then left to the sweep, which each host runs on its schedule.
/// </summary>
public sealed class IntakeDispatchService(
    DispatchQueue queue,
    IntakeDispatcher dispatcher,
    TimeProvider clock,
    ILogger<IntakeDispatchService> logger) : BackgroundService
{
    /// <summary>Two dispatches at once keep the backlog of a burst short without taking the cores from the webhook.</summary>
    private const int Workers = 2;
    private const int MaxAttempts = 5;
    /// <summary>The longest a burst of deliveries holds the dispatches back, and how long they then run before the next hold.</summary>
    private const long HoldAtMostMs = 2000, RunAtLeastMs = 1000;

    private long _runUntil;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.ReadAllAsync(stoppingToken))
            {
                await YieldToDeliveriesAsync(stoppingToken);
                await RunAsync(item, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: rows not dispatched yet stay pending, and the next start's sweep takes them.
        }
    }

    /// <summary>
    /// The webhook's answers go first: while a burst of deliveries is on, a dispatch (and the workflow it would start, on
    /// the same cores and storage) waits, for at most <see cref="HoldAtMostMs"/>. After a hold that ran out, the dispatches
    /// run for <see cref="RunAtLeastMs"/> before they yield again, so a steady stream of deliveries never starves them.
    /// </summary>
    private async Task YieldToDeliveriesAsync(CancellationToken stoppingToken)
    {
        var start = Environment.TickCount64;
        if (start < Volatile.Read(ref _runUntil)) return;
        while (queue.DeliveriesArriving)
        {
            if (Environment.TickCount64 - start >= HoldAtMostMs)
            {
                Volatile.Write(ref _runUntil, Environment.TickCount64 + RunAtLeastMs);
                return;
            }
            await Task.Delay(20, stoppingToken);
        }
    }

    private async Task RunAsync(DispatchItem item, CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.DispatchAsync(item.Pending, fresh: item.Attempt == 0, item.Durable, stoppingToken);
            queue.Release(item.RequestId);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested && TransientFaults.IsTransient(e) && item.Attempt + 1 < MaxAttempts)
        {
            var pause = TimeSpan.FromSeconds(Math.Pow(2, item.Attempt));
            logger.LogWarning(e, "Dispatch of {RequestId} failed (attempt {Attempt}); retrying in {Pause}", item.RequestId, item.Attempt + 1, pause);
            _ = RetryLaterAsync(item, pause, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Dispatch of {RequestId} failed (attempt {Attempt}); the sweep takes it up", item.RequestId, item.Attempt + 1);
            queue.Release(item.RequestId);
        }
    }

    private async Task RetryLaterAsync(DispatchItem item, TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(pause, clock, stoppingToken);
            queue.Retry(item);
        }
        catch (OperationCanceledException)
        {
            queue.Release(item.RequestId);
        }
    }
}
