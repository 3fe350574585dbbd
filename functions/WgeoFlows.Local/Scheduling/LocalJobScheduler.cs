using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Local.Scheduling;

/// <summary>
/// The local host's timer triggers: runs each scheduled job on the schedule its setting gives, as the Functions host does
/// from its timer functions. A failed run is logged and the job runs again at its next time; runs missed while the host
/// was down or busy are not caught up (nor are they by the Functions timer trigger without a schedule monitor).
/// </summary>
public sealed class LocalJobScheduler(
    IReadOnlyList<ScheduledJob> jobs,
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<LocalJobScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every schedule is read before any job runs, so that a bad setting stops the host at start, naming its key.
        var scheduled = jobs.Select(job => (job, schedule: JobSchedules.For(job, configuration))).ToList();
        return Task.WhenAll(scheduled.Select(s => RunOnScheduleAsync(s.job, s.schedule, stoppingToken)));
    }

    private async Task RunOnScheduleAsync(ScheduledJob job, IJobSchedule schedule, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.NextAfter(now) is not { } next) return;
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
                await job.RunOnceAsync(services, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The scheduled job {Job} failed; it runs again at its next scheduled time ({Schedule})", job.Name, schedule.Text);
            }
        }
    }
}
