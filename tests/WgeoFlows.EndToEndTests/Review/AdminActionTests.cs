using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Review;

/// <summary>The admin actions: resend, reassign, match, terminate on the shared host; every action is
/// in the timeline with the admin's identity, and bad calls get problem+json.</summary>
public abstract class AdminActionTests(IHostStack stack)
{
    private const string Reviewer = "cities.lead@example.org";
    private const string Requester = "amina@example.org";
    private const string Admin = "admin-key";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    private async Task<(string RequestId, SinkMail Review)> SubmitAndWaitForReviewAsync(string submissionId)
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid(submissionId));
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer), "review request");
        await Client.WaitForStatusAsync(requestId, "InReview");
        return (requestId, review);
    }

    private Task<HttpResponseMessage> ActAsync(string requestId, string action, object? body = null, bool withKey = true) =>
        Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/requests/{requestId}/{action}", body, withKey);

    private async Task<IReadOnlyList<SinkMail>> WaitForMailCountAsync(string requestId, Func<SinkMail, bool> match, int count, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var mails = (await Client.MailsAboutAsync(requestId)).Where(match).ToList();
            if (mails.Count >= count) return mails;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"Fewer than {count} mails '{what}' for {requestId}.");
    }

    [Fact]
    public async Task Resend_mails_the_open_review_again_and_the_link_still_decides()
    {
        var (requestId, review) = await SubmitAndWaitForReviewAsync("e2e-admin-resend");

        using (var resend = await ActAsync(requestId, "resend"))
        {
            resend.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        var reviews = await WaitForMailCountAsync(requestId, m => m.To.Contains(Reviewer) && WgeoClient.LinkPatternMatches(m, "review"), 2,
            "review request and its resend");
        var link = WgeoClient.LinkIn(reviews[0], "review");
        using (var approve = await Client.PostFormAsync(link, ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The workflow notes the resend once its mails are out: wait for that note rather than for the mail.
        var timeline = await TimelineWithAsync(requestId, t => t.Actor == Admin && t.Action == "review emails resent");
        timeline.ShouldContain(t => t.Actor == Admin && t.Action == "admin action: resend");
        timeline.ShouldContain(t => t.Actor == Admin && t.Action == "review emails resent");
        timeline.Count(t => t.Action == "email sent" && t.Detail.Contains("review-request")).ShouldBe(2);
    }

    [Fact]
    public async Task Reassign_kills_the_old_reviewers_link_and_the_new_reviewer_decides()
    {
        const string newReviewer = "cities.deputy@example.org";
        var (requestId, review) = await SubmitAndWaitForReviewAsync("e2e-admin-reassign");
        var oldLink = WgeoClient.LinkIn(review, "review");

        using (var reassign = await ActAsync(requestId, "reassign", new { reviewer = "Cities.Deputy@example.org" }))
        {
            reassign.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        var newMail = await Client.WaitForMailAsync(requestId, m => m.To.Contains(newReviewer) && WgeoClient.LinkPatternMatches(m, "review"),
            "review request to the new reviewer");
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer) && m.Subject.Contains("no longer needs your action"),
            "withdrawal notice to the old reviewer");

        using (var dead = await Client.PostFormAsync(oldLink, ("decision", "approve")))
        {
            dead.StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await dead.Content.ReadAsStringAsync(Ct)).ShouldContain("reassigned to cities.deputy@example.org");
        }
        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
        using (var reject = await Client.PostFormAsync(WgeoClient.LinkIn(newMail, "review"), ("decision", "reject"), ("comment", "Out of scope.")))
        {
            reject.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await Client.WaitForStatusAsync(requestId, "Rejected");

        var timeline = await TimelineWithAsync(requestId, t => t.Actor == newReviewer && t.Action == "review decision: reject");
        timeline.ShouldContain(t => t.Actor == Admin && t.Action == "admin action: reassign" && t.Detail.Contains(newReviewer));
        timeline.ShouldContain(t => t.Actor == Admin && t.Action == "review reassigned");
        timeline.ShouldContain(t => t.Actor == newReviewer && t.Action == "review decision: reject");
    }

    [Fact]
    public async Task Terminate_cancels_tells_the_requester_and_the_reviewer_and_closes_the_links()
    {
        var (requestId, review) = await SubmitAndWaitForReviewAsync("e2e-admin-terminate");
        var link = WgeoClient.LinkIn(review, "review");

        using (var terminate = await ActAsync(requestId, "terminate", new { reason = "Withdrawn by the <requester>." }))
        {
            terminate.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var detail = await Client.WaitForStatusAsync(requestId, "Cancelled");
        detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString().ShouldBe("Terminated");
        var told = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && m.Text.Contains("Withdrawn by the <requester>."),
            "cancellation to the requester");
        told.Html.ShouldContain("Withdrawn by the &lt;requester&gt;.");
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer) && m.Subject.Contains("no longer needs your action"),
            "withdrawal notice to the reviewer");

        using (var page = await Client.Http.GetAsync(link, Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("cancelled");
        }
        using (var post = await Client.PostFormAsync(link, ("decision", "approve")))
        {
            post.StatusCode.ShouldBe(HttpStatusCode.Gone);
        }
        using (var again = await ActAsync(requestId, "terminate", new { reason = "Twice." }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        var cancelled = await Client.AdminGetAsync($"/api/admin/requests?status=Cancelled");
        cancelled.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("requestId").GetString() == requestId);
        (await Client.TimelineAsync(requestId)).ShouldContain(t => t.Actor == Admin && t.Action == "admin action: terminate");
    }

    [Fact]
    public async Task Terminate_after_a_partner_accepted_gives_the_partner_its_capacity_back()
    {
        var (requestId, review) = await SubmitAndWaitForReviewAsync("e2e-admin-terminate-capacity");
        using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // The sample request asks for financing, so it is offered as a triangle; accepting one side leaves it waiting.
        var offer = await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer");
        var partnerId = await PartnerIdOfAsync(requestId, offer.To.Single());
        var before = await OpenEngagementsAsync(partnerId);
        using (var accept = await Client.PostFormAsync(WgeoClient.LinkIn(offer, "offer"), ("response", "accept")))
        {
            accept.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await WaitForOpenEngagementsAsync(partnerId, before + 1);

        using (var terminate = await ActAsync(requestId, "terminate", new { reason = "No longer needed." }))
        {
            terminate.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await Client.WaitForStatusAsync(requestId, "Cancelled");
        (await OpenEngagementsAsync(partnerId)).ShouldBe(before);
    }

    private async Task<string> PartnerIdOfAsync(string requestId, string email)
    {
        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        foreach (var match in detail.GetProperty("matches").EnumerateArray())
        {
            var id = match.GetProperty("partnerId").GetString()!;
            var partner = await Client.AdminGetAsync($"/api/admin/partners/{id}");
            if (string.Equals(partner.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase)) return id;
        }
        throw new InvalidOperationException($"No ranked partner of {requestId} has the address {email}.");
    }

    private async Task<int> OpenEngagementsAsync(string partnerId) =>
        (await Client.AdminGetAsync($"/api/admin/partners/{partnerId}")).GetProperty("openEngagements").GetInt32();

    private async Task WaitForOpenEngagementsAsync(string partnerId, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await OpenEngagementsAsync(partnerId) != expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Partner {partnerId} never had {expected} open engagements.");
            await Task.Delay(200, Ct);
        }
    }

    [Fact]
    public async Task Actions_in_the_wrong_state_with_a_bad_body_or_unknown_answer_problem_json()
    {
        var (requestId, _) = await SubmitAndWaitForReviewAsync("e2e-admin-refusals");

        async Task Expect(HttpResponseMessage response, HttpStatusCode status)
        {
            using (response)
            {
                response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            }
        }

        await Expect(await ActAsync(requestId, "resend", withKey: false), HttpStatusCode.Unauthorized);
        await Expect(await ActAsync(requestId, "explode"), HttpStatusCode.NotFound);
        await Expect(await ActAsync("req-does-not-exist", "resend"), HttpStatusCode.NotFound);
        await Expect(await ActAsync(requestId, "reassign", new { reviewer = "not an email" }), HttpStatusCode.BadRequest);
        await Expect(await ActAsync(requestId, "terminate", new { reason = "" }), HttpStatusCode.BadRequest);
        await Expect(await ActAsync(requestId, "match", new { partnerId = "no-such-partner" }), HttpStatusCode.BadRequest);
        await Expect(await ActAsync(requestId, "match", new { partnerId = await AnyPartnerIdAsync() }), HttpStatusCode.Conflict);
        await Expect(await ActAsync(requestId, "restart"), HttpStatusCode.Conflict);

        using var notJson = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/requests/{requestId}/reassign")
        {
            Content = new StringContent("{ reviewer:", null, "application/json"),
        };
        notJson.Headers.Add("X-Wgeo-Admin-Key", stack.Client.AdminKey);
        await Expect(await Client.Http.SendAsync(notJson, Ct), HttpStatusCode.BadRequest);

        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
        (await Client.TimelineAsync(requestId)).ShouldNotContain(t => t.Action.StartsWith("admin action", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<(string Actor, string Action, string Detail)>> TimelineWithAsync(string requestId,
        Func<(string Actor, string Action, string Detail), bool> entry)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var timeline = await Client.TimelineAsync(requestId);
            if (timeline.Any(entry) || DateTime.UtcNow > deadline) return timeline;
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>A partner of the sample registry, as ranked for a request that reached matching in another test or here.</summary>
    private async Task<string> AnyPartnerIdAsync()
    {
        using var response = await Client.AdminSendAsync(HttpMethod.Get, "/api/admin/partners?pageSize=1");
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items")[0].GetProperty("id").GetString()!;
        }
        var (requestId, review) = await SubmitAndWaitForReviewAsync("e2e-admin-partner-source");
        using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var matches = (await Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("matches");
            if (matches.GetArrayLength() > 0) return matches[0].GetProperty("partnerId").GetString()!;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException("No ranked partner to take an id from.");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class AdminActionTestsOnLocalHost(LocalStack stack) : AdminActionTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class AdminActionTestsOnFunctionsHost(FunctionsStack stack) : AdminActionTests(stack);
