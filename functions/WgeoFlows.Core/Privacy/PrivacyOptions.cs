namespace WgeoFlows.Privacy;

/// <summary>
/// How long personal data is kept, and when the job that erases it runs (section <c>Privacy</c>).
/// <list type="bullet">
/// <item><c>Privacy:RetainFor</c>: how long after a request reached a final status (Closed, Rejected, Expired, Cancelled) its
/// personal data is kept; also how long a removed partner's or reviewer's address stays in finished requests. Default 730
/// days (about 24 months).</item>
/// <item><c>Privacy:RetentionSchedule</c>: when the retention job runs (six-field cron with seconds, UTC, as Azure Functions'
/// timer trigger reads it); default every day at 03:00, after the history purge.</item>
/// <item><c>Privacy:RetentionBatch</c>: the most requests one run erases (the next run goes on).</item>
/// </list>
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    public const string ScheduleKey = "Privacy:RetentionSchedule";
    public const string DefaultSchedule = "0 0 3 * * *";

    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(730);
    public string RetentionSchedule { get; set; } = DefaultSchedule;
    public int RetentionBatch { get; set; } = 500;
}
