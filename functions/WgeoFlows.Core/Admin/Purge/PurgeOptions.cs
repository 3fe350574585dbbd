namespace WgeoFlows.Admin.Purge;

/// <summary>
/// <c>Admin:PurgeSchedule</c>: when the purge runs (six-field cron with seconds, as Azure Functions' timer trigger reads
/// it; default every day at 02:30 UTC). <c>Admin:PurgeAfter</c>: how long after a request finished its orchestration
/// history is purged (default 90 days). <c>Admin:PurgeBatch</c>: the most requests one run purges (the next run goes on).
/// </summary>
public sealed class PurgeOptions
{
    public const string Section = "Admin";
    public const string ScheduleKey = "Admin:PurgeSchedule";
    public const string DefaultSchedule = "0 30 2 * * *";

    public string PurgeSchedule { get; set; } = DefaultSchedule;
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromDays(90);
    public int PurgeBatch { get; set; } = 1000;
}
