using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>The dashboard's counters and waiting times, kept at every index write: exact, and idempotent for retried writes.</summary>
public sealed class AdminStatsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_follow_status_changes_and_a_repeated_write_counts_nothing_twice()
    {
        var storage = azurite.NewStorageClients();
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        var stats = new AdminStatsStore(storage, TestRetries.Pipelines);
        var now = DateTimeOffset.UtcNow;
        var a = AdminTestData.Request("req-count-a", platform: "cities", submittedAt: now.AddDays(-8));
        var b = AdminTestData.Request("req-count-b", platform: "academia-youth", submittedAt: now);
        // The fixture's storage is shared with the other test of this class: compare with what was there before.
        var before = await stats.CountsAsync(now, 12, Ct);

        await index.RecordAsync(AdminTestData.Item(a, RequestStatus.Received, a.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(a, RequestStatus.InReview, now.AddDays(-7)), RequestStatus.Received, Ct);
        await index.RecordAsync(AdminTestData.Item(a, RequestStatus.InReview, now.AddDays(-7)), RequestStatus.Received, Ct);
        await index.RecordAsync(AdminTestData.Item(b, RequestStatus.Received, b.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(b, RequestStatus.Received, b.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(b, RequestStatus.InReview, now), RequestStatus.Received, Ct);

        var counts = await stats.CountsAsync(now, 12, Ct);
        (counts.PerStatus[RequestStatus.InReview] - before.PerStatus[RequestStatus.InReview]).ShouldBe(2);
        (counts.PerStatus[RequestStatus.Received] - before.PerStatus[RequestStatus.Received]).ShouldBe(0);
        (counts.PerPlatform["cities"] - before.PerPlatform.GetValueOrDefault("cities")).ShouldBe(1);
        (counts.PerPlatform["academia-youth"] - before.PerPlatform.GetValueOrDefault("academia-youth")).ShouldBe(1);
        counts.PerWeek.Count.ShouldBe(12);
        counts.PerWeek[^1].Week.ShouldBe(AdminStatsStore.WeekOf(now));
        (counts.PerWeek.Sum(w => w.Count) - before.PerWeek.Sum(w => w.Count)).ShouldBe(2);
        long WeekOfA(AdminCounts c) => c.PerWeek.Single(w => w.Week == AdminStatsStore.WeekOf(a.SubmittedAt)).Count;
        (WeekOfA(counts) - WeekOfA(before)).ShouldBe(1);

        var waiting = await stats.LongestWaitingAsync(RequestStatus.InReview, 5, Ct);
        waiting.Select(w => w.RequestId).ShouldBe(["req-count-a", "req-count-b"]);
        waiting[0].Since.ShouldBe(now.AddDays(-7));
        (await stats.LongestWaitingAsync(RequestStatus.Received, 5, Ct)).ShouldNotContain(w => w.RequestId.StartsWith("req-count-"));
    }

    [Fact]
    public async Task Concurrent_writes_for_different_requests_are_all_counted()
    {
        var storage = azurite.NewStorageClients();
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        var now = DateTimeOffset.UtcNow;
        var requests = Enumerable.Range(0, 12).Select(i => AdminTestData.Request($"req-race-{i:D2}", platform: "financial-sector", submittedAt: now)).ToList();

        var stats = new AdminStatsStore(storage, TestRetries.Pipelines);
        var before = await stats.CountsAsync(now, 1, Ct);

        await Task.WhenAll(requests.Select(r => index.RecordAsync(AdminTestData.Item(r, RequestStatus.Screening, now), null, Ct)));

        var counts = await stats.CountsAsync(now, 1, Ct);
        (counts.PerStatus[RequestStatus.Screening] - before.PerStatus[RequestStatus.Screening]).ShouldBe(12);
        (counts.PerPlatform["financial-sector"] - before.PerPlatform.GetValueOrDefault("financial-sector")).ShouldBe(12);
        (counts.PerWeek[^1].Count - before.PerWeek[^1].Count).ShouldBe(12);
    }
}
