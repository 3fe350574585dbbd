using System.Globalization;
using Microsoft.Extensions.Configuration;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Local.Scheduling;

public static class JobSchedules
{
    /// <summary>
    /// The job's schedule from the same key the Functions timer trigger reads; when that key is absent, the job's older
    /// interval key if it has one and it is set; else the job's default.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting does not parse; the message names the key.</exception>
    public static IJobSchedule For(ScheduledJob job, IConfiguration configuration)
    {
        if (configuration[job.ScheduleKey] is { Length: > 0 } text) return CronSchedule.Parse(job.ScheduleKey, text);
        if (job.FallbackIntervalKey is { } fallbackKey && configuration[fallbackKey] is { Length: > 0 } interval)
        {
            if (!TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var every) || every <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{fallbackKey} = '{interval}' is not a positive interval (hh:mm:ss); or set {job.ScheduleKey}.");
            }
            return new IntervalSchedule(every);
        }
        return CronSchedule.Parse(job.ScheduleKey, job.DefaultSchedule);
    }
}
