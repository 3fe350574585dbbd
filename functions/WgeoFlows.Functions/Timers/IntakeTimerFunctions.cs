using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Functions.Timers;

// The schedule is an app setting (Intake__DispatchSweepSchedule), resolved by the Functions host before the worker
// starts. The webhook hands each submission to the in-process dispatcher; this wakes the app to finish what a crash or a
// scale-in interrupted.
public sealed class IntakeTimerFunctions(IntakeSweep sweep)
{
    [Function(ScheduledJobs.IntakeSweepName)]
    public Task Sweep([TimerTrigger("%" + IntakeOptions.DispatchSweepScheduleKey + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken ct) =>
        sweep.RunAsync(durable, ct);
}
