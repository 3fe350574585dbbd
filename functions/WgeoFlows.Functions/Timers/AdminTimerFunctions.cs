using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Digest;
using WgeoFlows.Admin.Purge;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Functions.Timers;

// The schedules are app settings (Admin__PurgeSchedule, Admin__DigestSchedule), the keys the local host's scheduler reads
// too (ScheduledJobs). The Functions host resolves %…% itself, before the worker starts, so they must be set in the app's
// settings (the infrastructure sets the defaults).
public sealed class AdminTimerFunctions(HistoryPurgeJob purge, AdminDigestJob digest)
{
    [Function(ScheduledJobs.HistoryPurgeName)]
    public Task Purge([TimerTrigger("%" + PurgeOptions.ScheduleKey + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken ct) =>
        purge.RunAsync(durable, ct);

    [Function(ScheduledJobs.DigestName)]
    public Task Digest([TimerTrigger("%" + DigestOptions.ScheduleKey + "%")] TimerInfo timer, CancellationToken ct) =>
        digest.RunAsync(ct);
}
