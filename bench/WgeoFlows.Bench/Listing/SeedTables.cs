using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;

namespace WgeoFlows.Bench.Listing;

/// <summary>
/// Seeds both sides of the listing benchmark directly in storage, because creating 10,000 of them one by one through
/// the product on Azurite would take far longer than the benchmark: index rows in 100-row batches into each listing's
/// table (the rows <see cref="AdminIndexStore"/> writes), and orchestration instances as copies of the Instances-table row of one real
/// Pending instance the Durable client scheduled (the listing reads only that table).
/// </summary>
public sealed class SeedTables(TableServiceClient tables)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<TableEntity> PendingInstanceTemplateAsync(DurableTaskClient client, string taskHub)
    {
        var id = await client.ScheduleNewOrchestrationInstanceAsync("BenchWaitsForever",
            new StartOrchestrationOptions { InstanceId = "bench-template" });
        var table = tables.GetTableClient(taskHub + "Instances");
        return (await table.GetEntityAsync<TableEntity>(id, "")).Value;
    }

    public async Task IndexRowsAsync(int from, int to, RequestStatus status, string[] platforms)
    {
        foreach (var name in TableNames.AdminListings) await tables.GetTableClient(name).CreateIfNotExistsAsync();
        var batches = Enumerable.Range(from, to - from)
            .Select(i => new AdminIndexItem($"WG-BENCH-{i:D6}", $"Bench request {i}", "Bench organisation", platforms[i % platforms.Length],
                "KE", status, Start.AddMinutes(i), Start.AddMinutes(i)))
            .SelectMany(AdminIndexStore.RowsOf)
            .GroupBy(r => r.Listing)
            .SelectMany(listing => listing.Chunk(100).Select(batch => (listing.Key.Table, Rows: batch.Select(r => r.Row))));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await tables.GetTableClient(batch.Table).SubmitTransactionAsync(
                batch.Rows.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
    }

    /// <summary>Copies of <paramref name="template"/> as instances numbered <paramref name="from"/> to <paramref name="to"/>, created a minute apart.
    /// The Instances table is partitioned by instance id, so no batches: 32 single inserts at a time.</summary>
    public async Task InstancesAsync(TableEntity template, string taskHub, int from, int to)
    {
        var table = tables.GetTableClient(taskHub + "Instances");
        await Parallel.ForEachAsync(Enumerable.Range(from, to - from + 1), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var copy = new TableEntity(template) { PartitionKey = $"bench-{i:D6}", RowKey = "" };
            var created = Start.AddMinutes(i);
            copy["CreatedTime"] = created;
            copy["LastUpdatedTime"] = created;
            copy["ExecutionId"] = Guid.NewGuid().ToString("N");
            copy.Remove("Timestamp");
            copy.Remove("odata.etag");
            await table.UpsertEntityAsync(copy, TableUpdateMode.Replace, ct);
        });
    }
}
