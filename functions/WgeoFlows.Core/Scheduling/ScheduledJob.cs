namespace WgeoFlows.Scheduling;

/// <summary>
/// A job that runs on a schedule: its name (the Functions timer function's), the configuration key of its six-field
/// cron schedule (the one the Functions timer trigger names as <c>%key%</c>), the schedule a host without that setting
/// uses, and how to run it once. A job is a plain service; running it on time is the host's business.
/// </summary>
/// <param name="RunOnceAsync">Runs the job once with the host's services; a job that needs a Durable client takes the
/// one registered as a service (the Functions host does not use this: its timer functions get the client from their
/// binding).</param>
/// <param name="FallbackIntervalKey">An older setting still read when <paramref name="ScheduleKey"/> is absent: an
/// interval (<c>hh:mm:ss</c>) from the host's start.</param>
public sealed record ScheduledJob(
    string Name,
    string ScheduleKey,
    string DefaultSchedule,
    Func<IServiceProvider, CancellationToken, Task> RunOnceAsync,
    string? FallbackIntervalKey = null);
