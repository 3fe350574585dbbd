using System.Text.Json;
using WgeoFlows.Scheduling;

namespace WgeoFlows.Tests;

/// <summary>
/// The built functions.metadata's timer triggers are exactly the scheduled jobs the local host's scheduler runs, each
/// reading its schedule from the same setting: a job added to one host only, or a key renamed on one side, fails here.
/// </summary>
public sealed class TimerScheduleKeysTests
{
    private static IReadOnlyDictionary<string, string> TimerSchedules()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) dir = dir.Parent;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(dir!.FullName, "functions", "WgeoFlows.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "timerTrigger")
                .Select(b => (Name: f.GetProperty("name").GetString()!, Schedule: b.GetProperty("schedule").GetString()!)))
            .ToDictionary(t => t.Name, t => t.Schedule);
    }

    [Fact]
    public void Every_timer_function_is_a_scheduled_job_of_the_local_host_and_names_the_same_setting()
    {
        var expected = ScheduledJobs.All.ToDictionary(j => j.Name, j => "%" + j.ScheduleKey + "%");

        TimerSchedules().OrderBy(t => t.Key, StringComparer.Ordinal).ShouldBe(expected.OrderBy(t => t.Key, StringComparer.Ordinal));
    }
}
