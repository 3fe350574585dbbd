using WgeoFlows.Bench.Intake;
using WgeoFlows.Bench.Listing;
using WgeoFlows.Bench.Matching;
using WgeoFlows.Bench.Support;
using WgeoFlows.Bench.Workflows;

// ./wgeo bench [matching|...]: each benchmark prints its figures beside the baseline measured in the same run.
var which = args.Length > 0 ? args[0] : "all";
Report.Machine();
var benches = new Dictionary<string, Func<Task>>
{
    ["intake"] = IntakeBench.RunAsync,
    ["matching"] = () => { MatchingBench.Run(); return Task.CompletedTask; },
    ["listing"] = ListingBench.RunAsync,
    ["workflows"] = () => WorkflowsBench.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300),
};
if (which != "all" && !benches.ContainsKey(which))
{
    Console.Error.WriteLine($"Unknown benchmark '{which}'. Known: all, {string.Join(", ", benches.Keys)}");
    return 2;
}
foreach (var (name, run) in benches)
{
    if (which == "all" || which == name) await run();
}
return 0;
