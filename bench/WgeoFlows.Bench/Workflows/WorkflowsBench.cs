using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Bench.Durable;
using WgeoFlows.Bench.Support;
using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Storage;
using WgeoFlows.Testing;

namespace WgeoFlows.Bench.Workflows;

/// <summary>
/// Whole workflows: N requests driven from intake through review approval, offer acceptance and introduction on the local host,
/// completed per second, beside a baseline orchestration with the same number of trivial activities and external events
/// (counted in the product's own history) on the same backend, each on its own Azurite. Target: ≥ 0.7 of the baseline.
/// </summary>
public static class WorkflowsBench
{
    private const string Secret = "bench-webhook-secret";
    private const int WarmUp = 2;

    /// <summary>One provider with room for every request, so that each request is matched one-to-one on the first offer.</summary>
    private const string PartnersCsv =
        "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active\n" +
        "bench-provider-001,Bench Solar Cooperative (fictional),cities,ZA,provider,renewable-energy;sustainable-cities," +
        "technical-assistance,en,1000,bench-provider-001@example.org,true\n";

    public static async Task RunAsync(int count)
    {
        var (ours, shape) = await RunProductAsync(count);
        Console.WriteLine($"workflows: WgeoFlows completed {ours.Completed} in {Report.Number(ours.Elapsed.TotalSeconds)} s " +
            $"({Report.Number(ours.PerSecond, "F2")}/s); one request ran {shape.Activities} activities and {shape.Events} events");
        var baseline = await RunBaselineAsync(count, shape);
        var ratio = ours.PerSecond / baseline.PerSecond;
        Report.Table($"Whole workflows: {count} requests, intake → review approval → offer acceptance → introduction (target: ≥ 0.7 of the baseline)",
            ["side", "completed", "elapsed", "completed /s", "p50 per request", "p99 per request", "ratio", "target"],
            [
                ["WgeoFlows (local host)", ours.Completed.ToString(CultureInfo.InvariantCulture), $"{Report.Number(ours.Elapsed.TotalSeconds)} s",
                    Report.Number(ours.PerSecond, "F2"), Report.Ms(ours.P50Ms), Report.Ms(ours.P99Ms), Report.Number(ratio, "F2"),
                    ratio >= 0.7 ? "met" : $"MISSED ({Report.Number(ratio / 0.7 * 100, "F0")}% of it)"],
                [$"baseline ({shape.Activities} activities, {shape.Events} events)", baseline.Completed.ToString(CultureInfo.InvariantCulture),
                    $"{Report.Number(baseline.Elapsed.TotalSeconds)} s", Report.Number(baseline.PerSecond, "F2"),
                    Report.Ms(baseline.P50Ms), Report.Ms(baseline.P99Ms), "1.00", ""],
            ]);
    }

    private sealed record Run(int Completed, TimeSpan Elapsed, double P50Ms, double P99Ms)
    {
        public double PerSecond => Completed / Elapsed.TotalSeconds;
    }

    private static async Task<(Run, BaselineWorkflow.Shape)> RunProductAsync(int count)
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));
        var import = await new PartnerCsvImporter(new PartnerStore(storage, TimeProvider.System)).ImportAsync(PartnersCsv);
        if (import.Created != 1)
        {
            throw new InvalidOperationException($"The bench partner did not import: {import.FileError} {string.Join(" ", import.Rows.SelectMany(r => r.Errors))}");
        }
        await using var host = await LocalHostProcess.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = Secret,
            ["Admin:ApiKey"] = "bench-admin-key",
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["Matching:OfferTimeout"] = "01:00:00",
        }.Concat(BenchLimits.Lifted).ToDictionary());
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        await using var mail = new MailWatcher(azurite.ConnectionString);
        var driver = new ProductDriver(http, mail, Secret);

        for (var i = 0; i < WarmUp; i++) await driver.RunOneAsync($"bench-warm-{i}");
        var shape = await ShapeOfAsync(azurite.ConnectionString, "WgeoFlowsHistory", WarmUp);
        var run = await DriveAsync(count, i => driver.RunOneAsync($"bench-{i}-{Guid.NewGuid():N}"));
        return (run, shape);
    }

    private static async Task<Run> RunBaselineAsync(int count, BaselineWorkflow.Shape shape)
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var sidecar = await BenchSidecar.StartAsync(azurite.ConnectionString, "BenchBaseline");
        await using var baseline = await BaselineWorkflow.StartAsync(sidecar);
        for (var i = 0; i < WarmUp; i++) await baseline.RunOneAsync($"warm-{i}", shape);
        return await DriveAsync(count, i => baseline.RunOneAsync($"bench-{i}", shape));
    }

    /// <summary>The activities scheduled and events raised per request, from the orchestration history of the warm-up requests.</summary>
    private static async Task<BaselineWorkflow.Shape> ShapeOfAsync(string connectionString, string historyTable, int requests)
    {
        var table = new TableClient(connectionString, historyTable);
        int activities = 0, events = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["EventType"]))
        {
            switch (e.GetString("EventType"))
            {
                case "TaskScheduled": activities++; break;
                case "EventRaised": events++; break;
            }
        }
        return new BaselineWorkflow.Shape(
            (int)Math.Round(activities / (double)requests, MidpointRounding.AwayFromZero),
            (int)Math.Round(events / (double)requests, MidpointRounding.AwayFromZero));
    }

    /// <summary>Starts all <paramref name="count"/> at once, as a burst of submissions would, and times each to its end.</summary>
    private static async Task<Run> DriveAsync(int count, Func<int, Task> runOne)
    {
        var times = new double[count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await runOne(i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }));
        var elapsed = clock.Elapsed;
        Array.Sort(times);
        return new Run(count, elapsed, Sampler.Percentile(times, 0.5), Sampler.Percentile(times, 0.99));
    }
}
