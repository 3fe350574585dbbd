using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Review;

/// <summary>A platform with two review stages (reviewers' stage numbers, set through the reviewers
/// API) reviews in sequence, and only the last approval starts matching. Uses a platform no other test submits to, and
/// puts the reviewer list back afterwards.</summary>
public sealed class ReviewStagesTests(LocalStack stack)
{
    private const string Platform = "financial-sector";
    private const string StageOne = "financial-sector.lead@example.org";
    private const string StageTwo = "financial-sector.board@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    [Fact]
    public async Task Approval_of_stage_one_sends_stage_two_reviews_and_approval_of_stage_two_starts_matching()
    {
        var original = (await Client.AdminGetAsync("/api/admin/reviewers")).GetProperty("reviewers").Deserialize<JsonArray>()!;
        var withStageTwo = original.DeepClone().AsArray();
        withStageTwo.Add(new JsonObject
        {
            ["platform"] = Platform,
            ["stage"] = 2,
            ["email"] = StageTwo,
            ["name"] = "Financial Sector Board (fictional)",
            ["role"] = "primary",
        });
        try
        {
            using (var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers = withStageTwo }))
            {
                put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
            }

            var payload = SamplePayloads.Valid("e2e-two-stages");
            payload["organization"]!["platform"] = Platform;
            var requestId = await Client.SubmitNewAsync(payload);

            var first = await Client.WaitForMailAsync(requestId, m => m.To.Contains(StageOne), "stage 1 review request");
            first.Text.ShouldContain("Review stage 1 of 2");
            (await Client.MailsAboutAsync(requestId)).ShouldNotContain(m => m.To.Contains(StageTwo));
            using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(first, "review"), ("decision", "approve")))
            {
                approve.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            var second = await Client.WaitForMailAsync(requestId, m => m.To.Contains(StageTwo), "stage 2 review request");
            second.Text.ShouldContain("Review stage 2 of 2");
            (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
            (await Client.TimelineAsync(requestId)).ShouldNotContain(t => t.Action == "matching started");
            using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(second, "review"), ("decision", "approve")))
            {
                approve.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            await WaitUntilAsync(async () => (await Client.TimelineAsync(requestId)).Any(t => t.Action == "matching started"), "matching started");
            var timeline = await Client.TimelineAsync(requestId);
            timeline.ShouldContain(t => t.Actor == StageOne && t.Action == "review decision: approve");
            timeline.ShouldContain(t => t.Actor == StageTwo && t.Action == "review decision: approve");
        }
        finally
        {
            using var restore = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers = original });
            restore.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
