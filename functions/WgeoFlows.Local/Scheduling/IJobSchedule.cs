namespace WgeoFlows.Local.Scheduling;

/// <summary>When a job runs next: a cron schedule, or the fixed interval an older setting gave.</summary>
public interface IJobSchedule
{
    /// <summary>The schedule as configured, for the logs.</summary>
    string Text { get; }

    /// <summary>The next run strictly after <paramref name="now"/>; null when there is none.</summary>
    DateTimeOffset? NextAfter(DateTimeOffset now);
}
