using System.Text.Json;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Admin;

/// <summary>GET /api/admin/requests/{id}: everything about one request, and why its orchestration failed when it did.</summary>
public sealed class RequestDetailTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DetailAsync(string requestId)
    {
        var http = AdminTestData.WithKey(stack.Services);
        var (status, body) = await AdminTestData.AnswerAsync(
            await stack.Get<AdminRequestsHandler>().DetailAsync(http.Request, requestId, stack.Durable, Ct), http);
        status.ShouldBe(200, body.ToString());
        return body;
    }

    [Fact]
    public async Task An_orchestration_that_failed_because_its_request_record_is_missing_shows_the_failing_activity_and_its_error()
    {
        // The orchestration of a request whose record is gone (deleted by hand, or started with a wrong id): BeginRequest
        // cannot read the record and fails without retry, so the orchestration fails.
        var requestId = AdminTestData.NewId("req-missing");
        await stack.Durable.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RequestOrchestrator, new RequestWorkflowInput(requestId),
            new Microsoft.DurableTask.StartOrchestrationOptions(requestId), Ct);
        var finished = await stack.Durable.WaitForInstanceCompletionAsync(requestId, Ct);
        finished.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);

        var detail = await DetailAsync(requestId);

        detail.GetProperty("recordMissing").GetBoolean().ShouldBeTrue();
        var orchestration = detail.GetProperty("orchestration");
        orchestration.GetProperty("runtimeStatus").GetString().ShouldBe("Failed");
        var failure = orchestration.GetProperty("failure");
        failure.TryGetProperty("activity", out var activity).ShouldBeTrue(failure.ToString());
        activity.GetString().ShouldBe(WorkflowNames.Activities.BeginRequest);
        failure.GetProperty("errorType").GetString().ShouldBe(typeof(InvalidOperationException).FullName);
        failure.GetProperty("message").GetString().ShouldBe($"Request {requestId} has no record.");
    }

    [Fact]
    public async Task The_detail_lists_every_email_with_its_delivery_state_the_matches_with_their_breakdown_and_the_timeline()
    {
        var request = AdminTestData.Request(AdminTestData.NewId());
        (await stack.Get<RequestStore>().TryAddAsync(request, Ct)).ShouldBeTrue();
        var outbox = stack.Get<EmailOutboxStore>();
        var at = DateTimeOffset.UtcNow;
        await outbox.RecordAttemptAsync(request.RequestId, "ack", ["amina@example.org"], "We received your request", "acknowledgement", "en", at, Ct);
        await outbox.MarkSentAsync(request.RequestId, "ack", at, Ct);
        await outbox.SetDeliveryStateAsync(request.RequestId, "ack", EmailState.Delivered, at.AddSeconds(5), Ct);
        await outbox.RecordAttemptAsync(request.RequestId, "review|s1", ["lead@example.org", "backup@example.org"], "Please review",
            "review-request", "en", at.AddSeconds(1), Ct);
        var breakdown = JsonSerializer.SerializeToElement(new[] { new { name = "topic", weight = 0.4, value = 1.0, points = 0.4, explanation = "2 of 2 areas" } });
        await stack.Get<MatchCandidateStore>().SaveAsync(request.RequestId,
            [new StoredCandidate(1, "p-sun", "Sun Partners", "IN", 0.82, breakdown)], Ct);
        await stack.Get<AdminIndexStore>().RecordAsync(AdminTestData.Item(request, RequestStatus.Matching, at), RequestStatus.Received, Ct);
        await stack.Get<TimelineStore>().AppendAsync(new TimelineEntry(request.RequestId, "k1", "system", "matching started", null, at), Ct);

        var detail = await DetailAsync(request.RequestId);

        detail.GetProperty("recordMissing").GetBoolean().ShouldBeFalse();
        detail.GetProperty("request").GetProperty("title").GetString().ShouldBe(request.Title);
        var emails = detail.GetProperty("emails").EnumerateArray().ToList();
        emails.Count.ShouldBe(2);
        emails[0].GetProperty("to").EnumerateArray().Select(e => e.GetString()).ShouldBe(["amina@example.org"]);
        emails[0].GetProperty("subject").GetString().ShouldBe("We received your request");
        emails[0].GetProperty("state").GetString().ShouldBe("Delivered");
        emails[0].GetProperty("sentAt").GetDateTimeOffset().ShouldBe(at, TimeSpan.FromMilliseconds(1));
        emails[1].GetProperty("to").GetArrayLength().ShouldBe(2);
        emails[1].GetProperty("state").GetString().ShouldBe("Pending");
        var match = detail.GetProperty("matches").EnumerateArray().ShouldHaveSingleItem();
        match.GetProperty("partnerId").GetString().ShouldBe("p-sun");
        match.GetProperty("breakdown")[0].GetProperty("explanation").GetString().ShouldBe("2 of 2 areas");
        detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ShouldContain("matching started");
        detail.TryGetProperty("orchestration", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task An_id_with_neither_a_record_nor_an_orchestration_is_not_found()
    {
        var http = AdminTestData.WithKey(stack.Services);
        var (status, _) = await AdminTestData.AnswerAsync(
            await stack.Get<AdminRequestsHandler>().DetailAsync(http.Request, "req-nobody", stack.Durable, Ct), http);
        status.ShouldBe(404);
    }
}
