using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WgeoFlows.Configuration;
using WgeoFlows.Impact;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Support;
using WgeoFlows.Web;

namespace WgeoFlows.Tests.Impact;

/// <summary>Building the figures reads the counters kept at write time, never the requests: the same storage requests
/// at 10 as at 60 requests. Serving them from the cache costs one point read per Impact:UnpublishCheckEvery, whatever the
/// number of GETs, and a build again when a story was taken down.</summary>
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

    [Fact]
    public async Task Cached_figures_cost_one_stamp_read_per_check_interval_and_a_build_when_a_story_was_taken_down()
    {
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), options);
        var store = new ImpactStatsStore(storage, TestRetries.Pipelines);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var impact = new ImpactOptions();
        var handler = new ImpactHandler(store, new PageRenderer(), Options.Create(impact), clock);
        await storage.EnsureCreatedAsync();
        var build = ImpactStatsStore.ShardCount + 1;

        counter.Reset();
        await handler.CachedFiguresAsync(Ct);
        counter.Count.ShouldBe(build + 1, "the stamp, then the figures");

        counter.Reset();
        for (var i = 0; i < 50; i++) await handler.CachedFiguresAsync(Ct);
        counter.Count.ShouldBe(0, "within the check interval");

        clock.Advance(impact.UnpublishCheckEvery);
        for (var i = 0; i < 50; i++) await handler.CachedFiguresAsync(Ct);
        counter.Count.ShouldBe(1, "one look at the stamp: unchanged");

        await store.MarkStoriesChangedAsync(clock.GetUtcNow(), Ct);
        counter.Reset();
        clock.Advance(impact.UnpublishCheckEvery);
        for (var i = 0; i < 50; i++) await handler.CachedFiguresAsync(Ct);
        counter.Count.ShouldBe(1 + build, "the stamp moved: the figures are built again");
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
