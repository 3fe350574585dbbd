using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Review;

/// <summary>An own host whose links live three seconds and whose admin address is broken: an expired link refuses to decide;
/// a request whose platform has no reviewer waits for one, but the mail telling the admins cannot be made, so it fails, and
/// an admin's restart runs it again once the reviewers are fixed, keeping its record and timeline.</summary>
public sealed class RestartAndLinkExpiryTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack _stack = null!;

    private WgeoClient Client => _stack.Client;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync(new Dictionary<string, string?>
    {
        ["Links:Lifetime"] = "00:00:03",
        // The admins are told of a request waiting for a reviewer: with this address that mail cannot be sent.
        ["Admin:NotifyEmails:0"] = "not-an-address",
    });

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task An_expired_review_link_shows_that_it_expired_and_decides_nothing()
    {
        var payload = SamplePayloads.Valid("e2e-link-expired");
        payload["organization"]!["platform"] = "public-sector";
        var requestId = await Client.SubmitNewAsync(payload);
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains("public-sector.lead@example.org"), "review request");
        var link = WgeoClient.LinkIn(review, "review");
        await Client.WaitForStatusAsync(requestId, "InReview");

        // The link shows its page while it lives (a GET changes nothing), and a refusal once it has expired.
        var expired = await Poll.UntilAsync(async () =>
            {
                using var page = await Client.Http.GetAsync(link, Ct);
                return (Status: page.StatusCode, Body: await page.Content.ReadAsStringAsync(Ct));
            }, page => page.Status != HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the review link expired (Links:Lifetime is 3 s)",
            page => $"{(int)page.Status}", Ct);
        expired.Status.ShouldBe(HttpStatusCode.Gone);
        expired.Body.ShouldContain("This link has expired");
        using (var post = await Client.PostFormAsync(link, ("decision", "approve")))
        {
            post.StatusCode.ShouldBe(HttpStatusCode.Gone);
        }

        // The refused post left the stage open and raised nothing. An admin's resend, raised after it, is the later fact:
        // the orchestration takes raised events in the order they were raised, so once it has taken the resend (and
        // mailed the reviewer again) it would have taken anything the expired link raised before it.
        (await Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("links").EnumerateArray()
            .ShouldAllBe(l => l.GetProperty("open").GetBoolean());
        using (var resend = await Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/requests/{requestId}/resend"))
        {
            resend.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        (await new WorkflowHistory(_stack.Storage, LocalStack.TaskHubName).WaitForTakenAsync(requestId,
            e => e.Name == WorkflowNames.Events.AdminAction, "the admin's resend")).ShouldBe([new TakenEvent(WorkflowNames.Events.AdminAction, "resend")]);
        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
    }

    [Fact]
    public async Task A_failed_request_is_restarted_by_an_admin_and_reaches_review_with_its_history_kept()
    {
        var original = (await Client.AdminGetAsync("/api/admin/reviewers")).GetProperty("reviewers").Deserialize<JsonArray>()!;
        var withoutCities = new JsonArray(original.Where(r => r!["platform"]!.GetValue<string>() != "cities").Select(r => r!.DeepClone()).ToArray());
        using (var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers = withoutCities }))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("e2e-restart"));
        // The admins' mail to the broken address cannot be made (an invalid command is not retried): the orchestration fails.
        await WaitForRuntimeStatusAsync(requestId, "Failed", TimeSpan.FromSeconds(180));
        // The request says so where admins look: its status, the timeline and the Failed listing.
        var failed = await Client.WaitForStatusAsync(requestId, "Failed");
        failed.GetProperty("orchestration").GetProperty("customStatus").GetProperty("status").GetString().ShouldBe("Failed");
        (await Client.TimelineAsync(requestId)).ShouldContain(t => t.Action.StartsWith("activity ", StringComparison.Ordinal)
            && t.Action.EndsWith(" failed", StringComparison.Ordinal));
        (await Client.AdminGetAsync("/api/admin/requests?status=Failed")).GetProperty("items").EnumerateArray()
            .ShouldContain(i => i.GetProperty("requestId").GetString() == requestId);

        using (var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers = original }))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var restart = await Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/requests/{requestId}/restart"))
        {
            restart.StatusCode.ShouldBe(HttpStatusCode.Accepted, await restart.Content.ReadAsStringAsync(Ct));
        }

        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request after the restart");
        await Client.WaitForStatusAsync(requestId, "InReview");
        (await Client.AdminGetAsync("/api/admin/requests?status=Failed")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("requestId").GetString() == requestId);
        using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var timeline = await Client.TimelineAsync(requestId);
        timeline.ShouldContain(t => t.Action == "request received");
        timeline.ShouldContain(t => t.Actor == "admin-key" && t.Action == "admin action: restart");
        timeline.ShouldContain(t => t.Actor == "cities.lead@example.org" && t.Action == "review decision: approve");
        // The acknowledgement went out once, in the first run; the restarted run found it in the outbox.
        timeline.Count(t => t.Action == "email sent" && t.Detail.StartsWith("acknowledgement", StringComparison.Ordinal)).ShouldBe(1);
        using (var again = await Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/requests/{requestId}/restart"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
    }

    private async Task<JsonElement> WaitForRuntimeStatusAsync(string requestId, string runtimeStatus, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement detail = default;
        while (DateTime.UtcNow < deadline)
        {
            detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
            // No "orchestration" yet in the moment between the 202 and the intake's dispatch.
            if (detail.TryGetProperty("orchestration", out var o) && o.ValueKind == JsonValueKind.Object
                && o.GetProperty("runtimeStatus").GetString() == runtimeStatus)
            {
                return detail;
            }
            await Task.Delay(500, Ct);
        }
        throw new TimeoutException($"Orchestration {requestId} did not reach {runtimeStatus}: {detail}");
    }
}
