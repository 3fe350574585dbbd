using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Purge;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>The purge removes the orchestration history of requests finished long enough ago, and keeps their record and
/// timeline, saying so in the timeline.</summary>
public sealed class HistoryPurgeTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HistoryPurgeJob Job(TimeSpan purgeAfter) => new(stack.Get<AdminStatsStore>(), stack.Get<TimelineStore>(), stack.Get<StorageClients>(),
        Options.Create(new PurgeOptions { PurgeAfter = purgeAfter }), TimeProvider.System, NullLogger<HistoryPurgeJob>.Instance);

    /// <summary>A stored request whose orchestration has finished and whose index says it reached <paramref name="status"/> at <paramref name="finishedAt"/>.</summary>
    private async Task<string> FinishedRequestAsync(RequestStatus status, DateTimeOffset finishedAt)
    {
        var request = AdminTestData.Request(AdminTestData.NewId());
        (await stack.Get<RequestStore>().TryAddAsync(request, Ct)).ShouldBeTrue();
        await stack.Durable.ScheduleNewOrchestrationInstanceAsync(AdminStack.FinishedOrchestration, request.RequestId,
            new StartOrchestrationOptions(request.RequestId), Ct);
        (await stack.Durable.WaitForInstanceCompletionAsync(request.RequestId, Ct)).IsCompleted.ShouldBeTrue();
        var index = stack.Get<AdminIndexStore>();
        await index.RecordAsync(AdminTestData.Item(request, RequestStatus.Received, request.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(request, status, finishedAt), RequestStatus.Received, Ct);
        return request.RequestId;
    }

    [Fact]
    public async Task The_history_of_a_request_finished_longer_ago_than_PurgeAfter_is_purged_and_its_record_and_timeline_stay()
    {
        var requestId = await FinishedRequestAsync(RequestStatus.Closed, DateTimeOffset.UtcNow.AddSeconds(-2));

        var report = await Job(TimeSpan.FromSeconds(1)).RunAsync(stack.Durable, Ct);

        report.Purged.ShouldBeGreaterThanOrEqualTo(1);
        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldBeNull();
        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull();
        var timeline = await stack.Get<TimelineStore>().ListAsync(requestId, Ct);
        timeline.ShouldContain(e => e.Action == HistoryPurgeJob.TimelineAction && e.Actor == "system");
    }

    [Fact]
    public async Task A_request_finished_more_recently_than_PurgeAfter_keeps_its_history()
    {
        var requestId = await FinishedRequestAsync(RequestStatus.Rejected, DateTimeOffset.UtcNow);

        await Job(TimeSpan.FromHours(1)).RunAsync(stack.Durable, Ct);

        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldNotBeNull();
        (await stack.Get<TimelineStore>().ListAsync(requestId, Ct)).ShouldNotContain(e => e.Action == HistoryPurgeJob.TimelineAction);
    }

    [Fact]
    public async Task A_second_run_does_not_handle_the_same_request_again()
    {
        var requestId = await FinishedRequestAsync(RequestStatus.Expired, DateTimeOffset.UtcNow.AddSeconds(-2));
        var job = Job(TimeSpan.FromSeconds(1));
        await job.RunAsync(stack.Durable, Ct);

        var first = (await stack.Get<TimelineStore>().ListAsync(requestId, Ct)).Single(e => e.Action == HistoryPurgeJob.TimelineAction);

        await job.RunAsync(stack.Durable, Ct);

        // Handling the request again would rewrite its entry ("no history was left to purge", a later time). The report is
        // not asserted: it counts every request that came due, and on a slow machine another test's request, finished
        // "now", is older than PurgeAfter by the second run.
        var entries = (await stack.Get<TimelineStore>().ListAsync(requestId, Ct)).Where(e => e.Action == HistoryPurgeJob.TimelineAction).ToList();
        entries.ShouldHaveSingleItem().ShouldBe(first);
    }
}
