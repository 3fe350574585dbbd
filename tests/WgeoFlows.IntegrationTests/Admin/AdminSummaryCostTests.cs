using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Configuration;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>The dashboard summary reads aggregates kept at write time: the same few storage requests at 20 as at 100
/// requests, each request counted and aged correctly.</summary>
public sealed class AdminSummaryCostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_summary_costs_the_same_storage_requests_at_20_and_at_100_requests()
    {
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), options);
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        var reader = new AdminSummaryReader(new AdminStatsStore(storage, TestRetries.Pipelines), index, new AdminFlagStore(storage),
            Options.Create(new ServiceLevelOptions()), TimeProvider.System,
            new ReviewerWarnings(new ReviewerStore(storage), new BouncedAddresses(storage, Options.Create(new LinkOptions { SigningKey = "cost-test-key" }))));
        await storage.EnsureCreatedAsync();

        await RecordAsync(index, 0, 20);
        counter.Reset();
        var small = await reader.ReadAsync(Ct);
        var atSmall = counter.Count;
        await RecordAsync(index, 20, 80);
        counter.Reset();
        var large = await reader.ReadAsync(Ct);
        var atLarge = counter.Count;

        atLarge.ShouldBe(atSmall);
        // + 2 for the warnings: the reviewers, and the bounced addresses (skipped here: no primary reviewer to check).
        atSmall.ShouldBeLessThanOrEqualTo(AdminStatsStore.ShardCount + ServiceLevelOptions.WaitingStatuses.Count + 2 + 2);
        large.Warnings.ShouldNotBeNull().Count(w => w.Kind == ReviewerWarnings.NoPrimaryReviewer).ShouldBe(7);
        small.Counts[RequestStatus.InReview].ShouldBe(10);
        large.Counts[RequestStatus.InReview].ShouldBe(50);
        large.Counts[RequestStatus.NeedsManualMatch].ShouldBe(50);
        large.PerPlatform.Single(p => p.Platform == "cities").Count.ShouldBe(100);
        large.PerWeek.Sum(w => w.Count).ShouldBe(100);
        var inReview = large.Waiting.Single(w => w.Status == RequestStatus.InReview);
        inReview.Oldest.ShouldNotBeNull().RequestId.ShouldBe("req-sum-0000");
        inReview.State.ShouldBe("late");
        large.Waiting.Single(w => w.Status == RequestStatus.Screening).State.ShouldBe("none");
    }

    /// <summary>Records requests through the index as the workflow does: Received, then InReview (even) or NeedsManualMatch (odd),
    /// the first ones entering their stage longest ago.</summary>
    private static async Task RecordAsync(AdminIndexStore index, int from, int count)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var chunk in Enumerable.Range(from, count).Chunk(10))
        {
            await Task.WhenAll(chunk.Select(async i =>
            {
                var request = AdminTestData.Request($"req-sum-{i:D4}", submittedAt: now.AddDays(-30).AddMinutes(i));
                await index.RecordAsync(AdminTestData.Item(request, RequestStatus.Received, request.SubmittedAt), null, Ct);
                var stage = i % 2 == 0 ? RequestStatus.InReview : RequestStatus.NeedsManualMatch;
                await index.RecordAsync(AdminTestData.Item(request, stage, now.AddDays(-20).AddMinutes(i)), RequestStatus.Received, Ct);
            }));
        }
    }
}
