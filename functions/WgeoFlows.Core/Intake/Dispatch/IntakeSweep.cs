using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Shared;

namespace WgeoFlows.Intake.Dispatch;

/// <summary>
/// Finds inbox rows whose dispatch never finished (the host crashed or stopped between the 202 and the dispatch, or
/// storage failed every retry) and dispatches them. Rows younger than <see cref="IntakeOptions.DispatchGrace"/> are left
/// to the delivery that added them, which may be running in another instance. Each host runs it on
/// <c>Intake:DispatchSweepSchedule</c> (<see cref="Scheduling.ScheduledJobs.Sweep"/>).
/// </summary>
public sealed class IntakeSweep(
    SubmissionInbox inbox,
    IntakeDispatcher dispatcher,
    DispatchQueue queue,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<IntakeSweep> logger)
{
    /// <summary>Dispatches what is left; returns how many rows it dispatched.</summary>
    public async Task<int> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var dispatched = 0;
        var before = clock.GetUtcNow() - options.Value.DispatchGrace;
        await foreach (var requestId in inbox.PendingAsync(before, cancellationToken))
        {
            if (!queue.TryHold(requestId)) continue;
            try
            {
                if (await dispatcher.DispatchStoredAsync(requestId, durable, cancellationToken)) dispatched++;
            }
            catch (Exception e) when (TransientFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Dispatch of {RequestId} failed again; the next sweep retries it", requestId);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A row that cannot be dispatched (e.g. a record that no longer reads) must not hold up the rows after it.
                logger.LogError(e, "Dispatch of {RequestId} failed; the sweep goes on with the other rows and tries it again next time", requestId);
            }
            finally
            {
                queue.Release(requestId);
            }
        }
        if (dispatched > 0) logger.LogInformation("The intake sweep dispatched {Count} submission(s) left waiting", dispatched);
        return dispatched;
    }
}
