using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Schedule;

namespace WgeoFlows.Impact.Summary;

/// <summary>The quarterly impact summary on its schedule, for the local host (the Functions host runs it from a timer
/// trigger). A failed run is logged and the next one comes as scheduled; the outbox key makes extra runs harmless.</summary>
public sealed class ImpactTimerService(IServiceProvider services, IOptions<ImpactSummaryOptions> options, TimeProvider time,
    ILogger<ImpactTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronSchedule.Parse(ImpactSummaryOptions.ScheduleKey, options.Value.SummarySchedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.NextAfter(now) is not { } next) return;
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
                await services.GetRequiredService<ImpactSummaryJob>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The impact summary failed; it runs again at its next scheduled time ({Schedule})", schedule.Text);
            }
        }
    }
}
