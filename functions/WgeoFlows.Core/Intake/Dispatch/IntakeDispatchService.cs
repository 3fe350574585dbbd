using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using WgeoFlows.Shared.Resilience;

namespace WgeoFlows.Intake.Dispatch;

/// <summary>
/// Runs the dispatches the webhook hands over, a few at a time, off the request path: the webhook's answer waits for
/// one table write only, and a burst of submissions starts its workflows after it, at the pace the host can take. A failed
/// dispatch is retried a few times with a growing pause (<see cref="RetryPipelines.Dispatch"/>), then left to the sweep,
/// which each host runs on its schedule.
/// </summary>
public sealed class IntakeDispatchService(
    DispatchQueue queue,
    IntakeDispatcher dispatcher,
    RetryPipelines retries,
    ILogger<IntakeDispatchService> logger) : BackgroundService
{
    /// <summary>Two dispatches at once keep the backlog of a burst short without taking the cores from the webhook.</summary>
    private const int Workers = 2;
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

    /// <summary>
    /// Dispatches one item through <see cref="RetryPipelines.Dispatch"/>: a transient fault is retried after a growing
    /// pause, which the worker waits out (it needs no core meanwhile, and the other worker goes on); what still fails is
    /// left to the sweep.
    /// </summary>
    private async Task RunAsync(DispatchItem item, CancellationToken stoppingToken)
    {
        var context = ResilienceContextPool.Shared.Get("Dispatch", stoppingToken);
        context.Properties.Set(RetryPipelines.RequestId, item.RequestId);
        var attempts = 0;
        try
        {
            await retries.Dispatch.ExecuteAsync(async ctx =>
            {
                // Only the first attempt follows the delivery that has just added the row, so only it may skip the check
                // for an orchestration already started.
                var fresh = attempts++ == 0;
                await dispatcher.DispatchAsync(item.Pending, fresh, item.Durable, ctx.CancellationToken);
            }, context);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Dispatch of {RequestId} failed (attempt {Attempt}); the sweep takes it up", item.RequestId, attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            queue.Release(item.RequestId);
        }
    }
}
