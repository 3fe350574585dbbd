using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Admin.Digest;
using WgeoFlows.Admin.Purge;
using WgeoFlows.Configuration;
using WgeoFlows.Impact.Summary;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Privacy;
using WgeoFlows.Privacy.Retention;

namespace WgeoFlows.Scheduling;

/// <summary>
/// Every scheduled job, once: the Functions app's timer functions carry these names and schedule keys, and the local
/// host's scheduler runs this list, so each job has one setting on both hosts.
/// </summary>
public static class ScheduledJobs
{
    public const string HistoryPurgeName = "AdminHistoryPurge";
    public const string DigestName = "AdminDigest";
    public const string ImpactSummaryName = "ImpactSummary";
    public const string IntakeSweepName = "IntakeDispatchSweep";
    public const string RetentionName = "PrivacyRetention";

    public static readonly ScheduledJob Purge = new(HistoryPurgeName, PurgeOptions.ScheduleKey, PurgeOptions.DefaultSchedule,
        (services, ct) => services.GetRequiredService<HistoryPurgeJob>().RunAsync(services.GetRequiredService<DurableTaskClient>(), ct));

    public static readonly ScheduledJob Digest = new(DigestName, DigestOptions.ScheduleKey, DigestOptions.DefaultSchedule,
        (services, ct) => services.GetRequiredService<AdminDigestJob>().RunAsync(ct));

    public static readonly ScheduledJob Summary = new(ImpactSummaryName, ImpactSummaryOptions.ScheduleKey, ImpactSummaryOptions.DefaultSchedule,
        (services, ct) => services.GetRequiredService<ImpactSummaryJob>().RunAsync(ct));

    /// <summary>The local host sweeps every 15 s unless told otherwise (a crash there is recovered soon after the restart);
    /// the Functions app's default, every minute, is set by the infrastructure.</summary>
    public static readonly ScheduledJob Sweep = new(IntakeSweepName, IntakeOptions.DispatchSweepScheduleKey, "*/15 * * * * *",
        (services, ct) => services.GetRequiredService<IntakeSweep>().RunAsync(services.GetRequiredService<DurableTaskClient>(), ct),
        FallbackIntervalKey: IntakeOptions.DispatchSweepIntervalKey);

    public static readonly ScheduledJob Retention = new(RetentionName, PrivacyOptions.ScheduleKey, PrivacyOptions.DefaultSchedule,
        (services, ct) => services.GetRequiredService<RetentionJob>().RunAsync(services.GetRequiredService<DurableTaskClient>(), ct));

    public static IReadOnlyList<ScheduledJob> All { get; } = [Purge, Digest, Summary, Sweep, Retention];
}
