using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Impact.Summary;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Functions.Timers;

// The schedule is an app setting (Impact__SummarySchedule), resolved by the Functions host before the worker starts.
public sealed class ImpactTimerFunctions(ImpactSummaryJob summary)
{
    [Function(ScheduledJobs.ImpactSummaryName)]
    public Task Summary([TimerTrigger("%" + ImpactSummaryOptions.ScheduleKey + "%")] TimerInfo timer, CancellationToken ct) =>
        summary.RunAsync(ct);
}
