using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Impact;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Support;
using WgeoFlows.Web;

namespace WgeoFlows.Tests.Impact;

/// <summary>Building the figures reads the counters kept at write time, never the requests: the same storage requests
/// at 10 as at 60 requests.</summary>
public sealed class ImpactPageCostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_figures_cost_the_same_storage_requests_at_10_and_at_60_requests_one_per_counter_shard_and_one_for_stories()
    {
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), options);
        var store = new ImpactStatsStore(storage, TestRetries.Pipelines);
        var handler = new ImpactHandler(store, new PageRenderer(), Options.Create(new ImpactOptions()), TimeProvider.System);
        await storage.EnsureCreatedAsync();

        await CountAsync(store, 0, 10);
        counter.Reset();
        var small = await handler.FiguresAsync(Ct);
        var atSmall = counter.Count;
        await CountAsync(store, 10, 50);
        counter.Reset();
        var large = await handler.FiguresAsync(Ct);

        counter.Count.ShouldBe(atSmall);
        atSmall.ShouldBe(ImpactStatsStore.ShardCount + 1);
        small.Find("all", ImpactMetrics.Received)!.Figure.ShouldBe(10);
        large.Find("all", ImpactMetrics.Received)!.Figure.ShouldBe(60);
    }

    private static async Task CountAsync(ImpactStatsStore store, int from, int count)
    {
        foreach (var chunk in Enumerable.Range(from, count).Chunk(10))
        {
            await Task.WhenAll(chunk.Select(i => store.CountOnceAsync($"req-cost-{i:D4}", "received",
                [("2026-Q4", ImpactMetrics.Received, "all", "all"), ("2026-Q4", ImpactMetrics.Received, "platform", i % 2 == 0 ? "cities" : "academia-youth")],
                null, DateTimeOffset.UtcNow, Ct)));
        }
    }
}
