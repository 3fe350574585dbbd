using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WgeoFlows.Bench.Durable;
using WgeoFlows.Bench.Support;
using WgeoFlows.Configuration;
using WgeoFlows.RequestIndex;
using WgeoFlows.Shared.Resilience;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Workflow;

namespace WgeoFlows.Bench.Listing;

/// <summary>
/// Admin listing: the first admin page of 50 by status, newest first, among 1,000 and 10,000 requests: our index
/// (<see cref="AdminIndexStore.ListAsync"/>) beside what an admin view without an index must do with the Durable client
/// (<c>GetAllInstancesAsync</c> filtered by status, enumerated fully, sorted by CreatedAt descending, first 50).
/// Storage requests are counted by forwarders in front of Azurite's table service (one per side).
/// Targets: 1 storage request and ≤ 51 rows per page at every size; ≥ 40× faster than the baseline at 10,000.
/// </summary>
public static class ListingBench
{
    private const int PageSize = 50;
    private const string TaskHub = "BenchListing";
    private const RequestStatus Listed = RequestStatus.InReview;
    private static readonly string[] Platforms =
        ["public-sector", "private-sector", "financial-sector", "cities", "academia-youth", "civil-society", "international-organisations"];

    public static async Task RunAsync()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var indexTables = new CountingProxy(azurite.TablePort);
        await using var durableTables = new CountingProxy(azurite.TablePort);
        var index = new AdminIndexStore(new StorageClients(Options.Create(new StorageOptions { ConnectionString = Through(azurite, indexTables.Port) })),
            new RetryPipelines(TimeProvider.System, NullLogger<RetryPipelines>.Instance));
        await using var sidecar = await BenchSidecar.StartAsync(Through(azurite, durableTables.Port), TaskHub);
        var seeding = new SeedTables(new TableServiceClient(azurite.ConnectionString));
        var template = await seeding.PendingInstanceTemplateAsync(sidecar.Client, TaskHub);

        var rows = new List<string[]>();
        var seeded = 0;
        foreach (var size in new[] { 1_000, 10_000 })
        {
            var clock = Stopwatch.StartNew();
            await seeding.IndexRowsAsync(seeded, size, Listed, Platforms);
            await seeding.InstancesAsync(template, TaskHub, seeded + 1, size);
            seeded = size;
            Console.WriteLine($"listing: seeded {size:N0} index items and instances in {clock.Elapsed.TotalSeconds:F0} s");

            var ours = await MeasureAsync(indexTables, 30, async () =>
                (await index.ListAsync(Listed, null, PageSize, null)).Items.Count);
            var baseline = await MeasureAsync(durableTables, 3, async () => await DurableFirstPageAsync(sidecar.Client));
            var speedUp = baseline.P50Ms / ours.P50Ms;
            var shapeMet = ours.Requests == 1 && ours.Rows <= 51;
            var target = (shapeMet ? "1 request, ≤ 51 rows: met" : $"1 request, ≤ 51 rows: MISSED ({ours.Requests} requests, {ours.Rows} rows)")
                + (size == 10_000 ? (speedUp >= 40 ? "; ≥ 40×: met" : $"; ≥ 40×: MISSED ({Report.Number(speedUp / 40 * 100, "F0")}% of it)") : "");
            rows.Add([size.ToString("N0", CultureInfo.InvariantCulture),
                Report.Ms(ours.P50Ms), Report.Number(ours.Requests, "F0"), Report.Number(ours.Rows, "F0"),
                Report.Ms(baseline.P50Ms), Report.Number(baseline.Requests, "F0"), Report.Number(baseline.Rows, "F0"),
                Report.Ratio(speedUp), target]);
        }
        Report.Table($"Admin listing: first page of {PageSize} by status, newest first (targets: 1 request and ≤ 51 rows per page; ≥ 40× at 10,000)",
            ["requests", "index p50", "index storage requests", "index rows", "Durable listing p50", "Durable storage requests",
             "Durable instances enumerated", "speed-up", "target"], rows);
    }

    /// <summary>What an admin view without an index does: the whole status-filtered listing, sorted newest first, first page.</summary>
    private static async Task<int> DurableFirstPageAsync(DurableTaskClient client)
    {
        var all = new List<OrchestrationMetadata>();
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Pending], PageSize = 1000 };
        await foreach (var instance in client.GetAllInstancesAsync(query)) all.Add(instance);
        _ = all.OrderByDescending(i => i.CreatedAt).Take(PageSize).ToList();
        return all.Count;
    }

    private sealed record Measured(double P50Ms, double Requests, double Rows);

    /// <summary>Median time of <paramref name="iterations"/> calls after a warm-up; storage requests and rows per call.</summary>
    private static async Task<Measured> MeasureAsync(CountingProxy counter, int iterations, Func<Task<int>> listPage)
    {
        await listPage();
        var times = new double[iterations];
        var rowsRead = 0L;
        var before = counter.Requests;
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            rowsRead += await listPage();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var requests = (counter.Requests - before) / (double)iterations;
        Array.Sort(times);
        return new Measured(Sampler.Percentile(times, 0.5), requests, rowsRead / (double)iterations);
    }

    private static string Through(AzuriteInstance azurite, int tablePort) => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteInstance.AccountName};AccountKey={AzuriteInstance.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/{AzuriteInstance.AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/{AzuriteInstance.AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AzuriteInstance.AccountName};");
}
