using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WgeoFlows.Local.Scheduling;
using WgeoFlows.Scheduling;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Scheduling;

/// <summary>The local host's scheduler runs each job on the schedule its setting gives, on a fake clock.</summary>
public sealed class LocalJobSchedulerTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private readonly Channel<(string Job, DateTimeOffset At)> _runs = Channel.CreateUnbounded<(string, DateTimeOffset)>();
    private readonly ObservedClock _clock = new(Midnight);

    private ScheduledJob Job(string name, string defaultSchedule = "0 0 * * * *", string? fallbackKey = null, bool fails = false) =>
        new(name, $"Test:{name}", defaultSchedule, (_, _) =>
        {
            _runs.Writer.TryWrite((name, _clock.GetUtcNow()));
            return fails ? Task.FromException(new InvalidOperationException("the job failed")) : Task.CompletedTask;
        }, fallbackKey);

    private LocalJobScheduler Scheduler(IReadOnlyList<ScheduledJob> jobs, Dictionary<string, string?> settings) =>
        new(jobs, new ServiceCollection().BuildServiceProvider(), new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _clock,
            NullLogger<LocalJobScheduler>.Instance);

    private async Task<(string Job, DateTimeOffset At)> NextRunAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        return await _runs.Reader.ReadAsync(deadline.Token);
    }

    /// <summary>Moves the clock to <paramref name="at"/>, then waits for the job's run and for it to wait for its next time.</summary>
    private async Task<(string Job, DateTimeOffset At)> AdvanceToRunAsync(DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        var run = await NextRunAsync();
        await _clock.TimersSetAsync(1);
        return run;
    }

    [Fact]
    public async Task Each_job_runs_at_the_times_its_own_schedule_key_gives()
    {
        var scheduler = Scheduler([Job("Fast"), Job("Slow")], new() { ["Test:Fast"] = "*/10 * * * * *", ["Test:Slow"] = "30 0 0 * * *" });
        await scheduler.StartAsync(TestContext.Current.CancellationToken);
        await _clock.TimersSetAsync(2);

        (await AdvanceToRunAsync(Midnight.AddSeconds(10))).ShouldBe(("Fast", Midnight.AddSeconds(10)));
        (await AdvanceToRunAsync(Midnight.AddSeconds(20))).ShouldBe(("Fast", Midnight.AddSeconds(20)));
        (await AdvanceToRunAsync(Midnight.AddSeconds(30))).Job.ShouldBeOneOf("Fast", "Slow");
        (await NextRunAsync()).Job.ShouldBeOneOf("Fast", "Slow");
        await _clock.TimersSetAsync(1);
        _clock.SetUtcNow(Midnight.AddSeconds(39));
        _runs.Reader.TryRead(out var early).ShouldBeFalse($"nothing is due before 00:00:40, yet {early.Job} ran");

        await scheduler.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_job_without_its_setting_runs_on_its_default_schedule()
    {
        var scheduler = Scheduler([Job("Quiet", defaultSchedule: "0 */5 * * * *")], []);
        await scheduler.StartAsync(TestContext.Current.CancellationToken);
        await _clock.TimersSetAsync(1);

        _clock.SetUtcNow(Midnight.AddMinutes(5).AddSeconds(-1));
        _runs.Reader.TryRead(out _).ShouldBeFalse();
        (await AdvanceToRunAsync(Midnight.AddMinutes(5))).ShouldBe(("Quiet", Midnight.AddMinutes(5)));

        await scheduler.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failed_run_is_followed_by_the_next_scheduled_one()
    {
        var scheduler = Scheduler([Job("Flaky", fails: true)], new() { ["Test:Flaky"] = "*/10 * * * * *" });
        await scheduler.StartAsync(TestContext.Current.CancellationToken);
        await _clock.TimersSetAsync(1);

        (await AdvanceToRunAsync(Midnight.AddSeconds(10))).ShouldBe(("Flaky", Midnight.AddSeconds(10)));
        (await AdvanceToRunAsync(Midnight.AddSeconds(20))).ShouldBe(("Flaky", Midnight.AddSeconds(20)));

        await scheduler.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_older_interval_setting_still_schedules_a_job_whose_schedule_key_is_absent()
    {
        var scheduler = Scheduler([Job("Sweep", fallbackKey: "Test:SweepInterval")], new() { ["Test:SweepInterval"] = "00:00:07" });
        await scheduler.StartAsync(TestContext.Current.CancellationToken);
        await _clock.TimersSetAsync(1);

        (await AdvanceToRunAsync(Midnight.AddSeconds(7))).ShouldBe(("Sweep", Midnight.AddSeconds(7)));
        (await AdvanceToRunAsync(Midnight.AddSeconds(14))).ShouldBe(("Sweep", Midnight.AddSeconds(14)));

        await scheduler.StopAsync(TestContext.Current.CancellationToken);
    }
}
