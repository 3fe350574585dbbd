using System.Diagnostics;
using System.Text.Json;
using WgeoFlows.Hosting;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests;

/// <summary>
/// Reads the functions.metadata that the Worker SDK generated for the built Functions app — what the Azure Functions
/// host will load — and fails when a timer, the orchestrator or an activity goes missing, or something unknown appears.
/// The HTTP functions are checked against the route table, beside the local host's endpoints, in RouteTableHostsTests.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    internal static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("WgeoFlows.sln not found above the test folder.");
        }
    }

    internal static string BuildOutput => Path.Combine(RepoRoot, "functions", "WgeoFlows.Functions", "bin", Configuration, "net10.0");

    internal static IReadOnlyDictionary<string, JsonElement> Functions()
    {
        var path = Path.Combine(BuildOutput, "functions.metadata");
        File.Exists(path).ShouldBeTrue($"{path} was not generated");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    internal static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>Timer functions and the configuration key their schedule is read from (resolved by the Functions host).</summary>
    public static TheoryData<string, string> TimerFunctions => new()
    {
        { "AdminHistoryPurge", "%Admin:PurgeSchedule%" },
        { "AdminDigest", "%Admin:DigestSchedule%" },
        { "ImpactSummary", "%Impact:SummarySchedule%" },
        { "IntakeDispatchSweep", "%Intake:DispatchSweepSchedule%" },
        { "PrivacyRetention", "%Privacy:RetentionSchedule%" },
    };

    [Theory]
    [MemberData(nameof(TimerFunctions))]
    public void Every_timer_function_takes_its_schedule_from_configuration(string name, string schedule)
    {
        Functions().ShouldContainKey(name);
        var trigger = Trigger(Functions()[name]);
        trigger.GetProperty("type").GetString().ShouldBe("timerTrigger");
        trigger.GetProperty("schedule").GetString().ShouldBe(schedule);
    }

    [Fact]
    public void No_route_starts_with_admin_which_the_Functions_host_reserves()
    {
        // azure-functions-host#1781: a route template starting with "admin" is refused at start ("conflicts with one or
        // more built in routes"), whatever the route prefix. The contract's /api/admin/… routes are therefore written
        // as "api/admin/…" with an empty route prefix.
        foreach (var function in Functions().Values.Where(f => Trigger(f).GetProperty("type").GetString() == "httpTrigger"))
        {
            Trigger(function).GetProperty("route").GetString()!.ShouldNotStartWith("admin", Case.Insensitive);
        }
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "host.json")));
        host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString().ShouldBe("");
    }

    [Fact]
    public void The_request_orchestrator_is_declared_with_an_orchestration_trigger() =>
        Trigger(Functions()[WorkflowNames.RequestOrchestrator]).GetProperty("type").GetString().ShouldBe("orchestrationTrigger");

    [Fact]
    public void Every_workflow_activity_is_declared_with_an_activity_trigger()
    {
        var functions = Functions();
        foreach (var activity in WorkflowRegistration.Activities)
        {
            functions.ShouldContainKey(activity.Name);
            Trigger(functions[activity.Name]).GetProperty("type").GetString().ShouldBe("activityTrigger");
        }
    }

    [Fact]
    public void Nothing_is_declared_that_the_tests_do_not_know_of()
    {
        var known = ApiRoutes.All.Select(route => route.Name)
            .Concat(TimerFunctions.Select(row => row.Data.Item1))
            .Concat(WorkflowRegistration.Activities.Select(a => a.Name)).Append(WorkflowNames.RequestOrchestrator);
        Functions().Keys.Order().ShouldBe(known.Order());
    }

    [Fact]
    public void The_root_host_json_is_in_the_build_output() =>
        File.ReadAllText(Path.Combine(BuildOutput, "host.json")).ShouldBe(File.ReadAllText(Path.Combine(RepoRoot, "host.json")));

    [Fact]
    public async Task The_app_publishes_with_host_json_and_functions_metadata()
    {
        var output = Path.Combine(Path.GetTempPath(), "wgeo-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var publish = Process.Start(new ProcessStartInfo("dotnet",
                ["publish", Path.Combine(RepoRoot, "functions", "WgeoFlows.Functions", "WgeoFlows.Functions.csproj"), "-c", Configuration,
                    "-o", output, "--nologo", "-v", "quiet"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var log = await publish.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await publish.WaitForExitAsync(TestContext.Current.CancellationToken);
            publish.ExitCode.ShouldBe(0, log);
            File.Exists(Path.Combine(output, "host.json")).ShouldBeTrue();
            File.Exists(Path.Combine(output, "functions.metadata")).ShouldBeTrue();
            File.Exists(Path.Combine(output, "WgeoFlows.Core.dll")).ShouldBeTrue();
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
