using Microsoft.Extensions.Configuration;
using WgeoFlows.Configuration;
using WgeoFlows.Local.Scheduling;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Tests.Scheduling;

/// <summary>Which schedule a job gets from configuration: its key, else an older interval key, else its default.</summary>
public sealed class JobScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_schedule_reads_the_six_field_cron_of_Functions_timers_in_UTC()
    {
        var schedule = CronSchedule.Parse("Admin:PurgeSchedule", "0 30 2 * * *");

        schedule.NextAfter(Now).ShouldBe(new DateTimeOffset(2026, 11, 28, 2, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_wrong_schedule_is_refused_with_its_configuration_key_named()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            JobSchedules.For(ScheduledJobs.Digest, Settings(new() { ["Admin:DigestSchedule"] = "every day" })));
        error.Message.ShouldContain("Admin:DigestSchedule");
    }

    [Fact]
    public void Every_job_has_its_own_name_and_key_and_a_default_that_parses()
    {
        ScheduledJobs.All.Select(j => j.Name).ShouldBeUnique();
        ScheduledJobs.All.Select(j => j.ScheduleKey).ShouldBeUnique();
        foreach (var job in ScheduledJobs.All) JobSchedules.For(job, Settings([])).ShouldBeOfType<CronSchedule>().Text.ShouldBe(job.DefaultSchedule);
    }

    [Fact]
    public void The_sweep_reads_its_schedule_key_first_then_the_older_interval_key()
    {
        JobSchedules.For(ScheduledJobs.Sweep, Settings(new()
        {
            [IntakeOptions.DispatchSweepScheduleKey] = "*/2 * * * * *",
            [IntakeOptions.DispatchSweepIntervalKey] = "00:00:30",
        })).NextAfter(Now).ShouldBe(Now.AddSeconds(2));

        JobSchedules.For(ScheduledJobs.Sweep, Settings(new() { [IntakeOptions.DispatchSweepIntervalKey] = "00:00:30" }))
            .NextAfter(Now).ShouldBe(Now.AddSeconds(30));

        // Unset, the local host sweeps every 15 s as it did.
        JobSchedules.For(ScheduledJobs.Sweep, Settings([])).NextAfter(Now).ShouldBe(Now.AddSeconds(15));
    }

    [Fact]
    public void A_wrong_older_interval_is_refused_with_both_keys_named()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            JobSchedules.For(ScheduledJobs.Sweep, Settings(new() { [IntakeOptions.DispatchSweepIntervalKey] = "soon" })));
        error.Message.ShouldContain(IntakeOptions.DispatchSweepIntervalKey);
        error.Message.ShouldContain(IntakeOptions.DispatchSweepScheduleKey);
    }
}
