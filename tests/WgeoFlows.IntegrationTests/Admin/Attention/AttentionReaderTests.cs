using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Attention;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Held;
using WgeoFlows.Matching.Offers;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Admin.Attention;

/// <summary>The "needs attention" list read from Azurite: each kind of item with what its action needs, newest first, and the
/// same storage requests whatever the number of requests that need nothing.</summary>
public sealed class AttentionReaderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly StorageRequestCounter _counter = new();

    private StorageClients Storage()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_counter, HttpPipelinePosition.PerCall);
        return new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), options);
    }

    private static AttentionReader Reader(StorageClients storage) => new(new AdminFlagStore(storage), new AdminIndexStore(storage, TestRetries.Pipelines),
        new HeldDeliveryStore(storage), new RequestStore(storage), new MatchCandidateStore(storage), new TimelineStore(storage), TimeProvider.System);

    [Fact]
    public async Task Each_kind_is_listed_with_its_request_its_detail_and_its_action_newest_first()
    {
        var storage = Storage();
        var requests = new RequestStore(storage);
        var flags = new AdminFlagStore(storage);
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        var now = DateTimeOffset.UtcNow;

        // A request waiting for a reviewer that does not exist (the flag the review step raises), titled in Arabic.
        var waiting = AdminTestData.Request(AdminTestData.NewId("att-rm"), "طاقة شمسية للمدارس <b>\"Sol\"</b>") with { Status = RequestStatus.InReview };
        await requests.TryAddAsync(waiting, Ct);
        await flags.RaiseAsync(new AdminFlag(waiting.RequestId, AdminFlagStore.ReviewerMissing,
            "No reviewer is registered for the platform cities.", now.AddMinutes(-4)), Ct);
        // A bounced review mail of a request in review: it can be resent, or marked as dealt with.
        var bounced = AdminTestData.Request(AdminTestData.NewId("att-mu"), "屋顶太阳能 — Énergie solaire") with { Status = RequestStatus.InReview };
        await requests.TryAddAsync(bounced, Ct);
        await flags.RaiseAsync(new AdminFlag(bounced.RequestId, AdminFlagStore.MailUndelivered,
            "review-request to lead@example.org: 550 5.1.1 The email account does not exist", now.AddMinutes(-3)), Ct);
        // A failed request and one waiting for a manual match, through the index as the workflow writes them.
        var failed = AdminTestData.Request(AdminTestData.NewId("att-fa"), "Água limpa para São Tomé");
        await index.RecordAsync(AdminTestData.Item(failed, RequestStatus.Failed, now.AddMinutes(-2)), null, Ct);
        // What the workflow records before its orchestration fails (no orchestration runs here: the timeline says why).
        await new TimelineStore(storage).AppendAsync(new TimelineEntry(failed.RequestId, "status|0001", "system", "activity SendEmail failed",
            "The address 'not-an-address' is not valid.", now.AddMinutes(-2)), Ct);
        var unmatched = AdminTestData.Request(AdminTestData.NewId("att-mm"), "Green jobs for youth");
        await index.RecordAsync(AdminTestData.Item(unmatched, RequestStatus.NeedsManualMatch, now.AddMinutes(-1)), null, Ct);
        var breakdown = JsonSerializer.SerializeToElement(new[] { new { name = "thematic-fit", weight = 3, value = 1, points = 3, explanation = "Both areas." } });
        await new MatchCandidateStore(storage).SaveAsync(unmatched.RequestId,
            [new StoredCandidate(1, "p-sun", "Sun & Co", "BR", 3, breakdown), new StoredCandidate(2, "p-wind", "Wind Ltd", "IN", 2, breakdown)], Ct);

        var list = await Reader(storage).ReadAsync(null, Ct);

        var mine = list.Items.Where(i => i.Request?.RequestId is { } id && id.StartsWith("att-", StringComparison.Ordinal)).ToList();
        mine.Select(i => i.Kind).ShouldBe([AttentionKinds.ManualMatch, AttentionKinds.Failed, AttentionKinds.MailUndelivered, AttentionKinds.ReviewerMissing]);

        var missing = mine.Single(i => i.Kind == AttentionKinds.ReviewerMissing);
        missing.Request.ShouldBe(new AttentionRequest(waiting.RequestId, waiting.Title, waiting.Organization.Name, "cities", "InReview"));
        missing.Actions.ShouldBe([AttentionActions.Reassign]);
        missing.Detail.ShouldBe("No reviewer is registered for the platform cities.");

        var mail = mine.Single(i => i.Kind == AttentionKinds.MailUndelivered);
        mail.Actions.ShouldBe([AttentionActions.Resend, AttentionActions.ClearFlag]);
        mail.Detail.ShouldContain("lead@example.org");
        mail.Request!.Title.ShouldBe(bounced.Title);

        var fail = mine.Single(i => i.Kind == AttentionKinds.Failed);
        fail.Actions.ShouldBe([AttentionActions.Restart]);
        fail.Request!.Title.ShouldBe("Água limpa para São Tomé");
        fail.Failure.ShouldBe(new AttentionFailure("SendEmail", "", "The address 'not-an-address' is not valid."));
        fail.Detail.ShouldBe("The activity SendEmail failed: The address 'not-an-address' is not valid.");

        var match = mine.Single(i => i.Kind == AttentionKinds.ManualMatch);
        match.Actions.ShouldBe([AttentionActions.Match]);
        match.Candidates.ShouldNotBeNull().Select(c => c.PartnerId).ShouldBe(["p-sun", "p-wind"]);
        match.Detail.ShouldContain("2 ranked candidates");

        list.Counts[AttentionKinds.ReviewerMissing].ShouldBeGreaterThanOrEqualTo(1);
        list.Counts.Keys.ShouldBe(AttentionKinds.All, ignoreOrder: true);

        // Once cleared, a flag leaves the list.
        (await flags.ClearAsync(waiting.RequestId, AdminFlagStore.ReviewerMissing, Ct)).ShouldBeTrue();
        (await Reader(storage).ReadAsync(null, Ct)).Items.ShouldNotContain(i => i.Request != null && i.Request.RequestId == waiting.RequestId);
    }

    [Fact]
    public async Task Reading_the_list_costs_the_same_storage_requests_with_many_more_requests_that_need_nothing()
    {
        var storage = Storage();
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        await storage.EnsureCreatedAsync();
        await new HeldDeliveryStore(storage).ListOpenAsync(Ct); // creates its table and container before counting
        var failed = AdminTestData.Request(AdminTestData.NewId("cost"), "Failed once");
        await index.RecordAsync(AdminTestData.Item(failed, RequestStatus.Failed, DateTimeOffset.UtcNow), null, Ct);
        await RecordInReviewAsync(index, 10);

        _counter.Reset();
        await Reader(storage).ReadAsync(null, Ct);
        var few = _counter.Count;
        await RecordInReviewAsync(index, 90);
        _counter.Reset();
        await Reader(storage).ReadAsync(null, Ct);

        _counter.Count.ShouldBe(few);
        _counter.Changes.ShouldBe(0);
    }

    private static async Task RecordInReviewAsync(AdminIndexStore index, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(10))
        {
            await Task.WhenAll(chunk.Select(_ =>
            {
                var request = AdminTestData.Request(AdminTestData.NewId("quiet"));
                return index.RecordAsync(AdminTestData.Item(request, RequestStatus.InReview, DateTimeOffset.UtcNow), null, Ct);
            }));
        }
    }
}
