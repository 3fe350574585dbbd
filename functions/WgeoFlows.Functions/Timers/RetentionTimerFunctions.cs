using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Privacy;
using WgeoFlows.Privacy.Retention;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Functions.Timers;

// The schedule is an app setting (Privacy__RetentionSchedule), resolved by the Functions host before the worker starts, like
// the other timers' (the infrastructure sets its default).
public sealed class RetentionTimerFunctions(RetentionJob retention)
{
    [Function(ScheduledJobs.RetentionName)]
    public Task Retention([TimerTrigger("%" + PrivacyOptions.ScheduleKey + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken ct) =>
        retention.RunAsync(durable, ct);
}
