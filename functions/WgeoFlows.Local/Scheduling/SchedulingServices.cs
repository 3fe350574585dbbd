using WgeoFlows.Scheduling;

namespace WgeoFlows.Local.Scheduling;

public static class SchedulingServices
{
    /// <summary>Every scheduled job of <see cref="ScheduledJobs.All"/>, run by one scheduler on the Functions host's schedule keys.</summary>
    public static IServiceCollection AddWgeoScheduledJobs(this IServiceCollection services) =>
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<LocalJobScheduler>(sp, ScheduledJobs.All));
}
