using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Digest;
using WgeoFlows.Admin.Purge;

namespace WgeoFlows.Admin.Schedule;

/// <summary>
/// The admin timers of the local host: the history purge and the daily digest on their configured schedules — the
/// jobs the Functions host runs from its timer triggers. A failed run is logged and the next one comes as scheduled.
/// </summary>
public sealed class AdminTimerService(
    IServiceProvider services,
    IOptions<PurgeOptions> purge,
    IOptions<DigestOptions> digest,
    TimeProvider time,
    ILogger<AdminTimerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var purgeSchedule = CronSchedule.Parse(PurgeOptions.ScheduleKey, purge.Value.PurgeSchedule);
        var digestSchedule = CronSchedule.Parse(DigestOptions.ScheduleKey, digest.Value.DigestSchedule);
        return Task.WhenAll(
            RunOnScheduleAsync("history purge", purgeSchedule,
                ct => services.GetRequiredService<HistoryPurgeJob>().RunAsync(services.GetRequiredService<DurableTaskClient>(), ct), stoppingToken),
            RunOnScheduleAsync("daily digest", digestSchedule,
                ct => services.GetRequiredService<AdminDigestJob>().RunAsync(ct), stoppingToken));
    }

    private async Task RunOnScheduleAsync(string name, CronSchedule schedule, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.NextAfter(now) is not { } next) return;
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
                await run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The {Job} failed; it runs again at its next scheduled time ({Schedule})", name, schedule.Text);
            }
        }
    }
}
