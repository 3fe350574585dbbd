using System.Net;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>After FollowUp:After both sides get a link to a short form; answers land in the timeline; the request closes when
/// both have answered or after FollowUp:AnswerWithin; the partner's capacity is given back.</summary>
[Collection(MatchingStackCollection.Name)]
public sealed class FollowUpTests(MatchingStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    private async Task<string> MatchAsync(string submissionId, string thematic, string partnerEmail)
    {
        var requestId = await stack.SubmitApprovedAsync(submissionId, [thematic], ["capacity-building"]);
        await stack.AnswerOfferAsync(await stack.WaitForOfferToAsync(requestId, partnerEmail), "accept");
        await Client.WaitForStatusAsync(requestId, "Matched");
        return requestId;
    }

    [Fact]
    public async Task When_both_sides_answer_the_form_their_answers_are_in_the_timeline_and_the_request_closes_with_capacity_given_back()
    {
        var requestId = await MatchAsync("e2e-followup-answered", "circular-economy", "circ-one@example.org");
        (await AdminHttp.GetPartnerAsync(Client, "circ-one")).GetProperty("openEngagements").GetInt32().ShouldBe(1);

        var toRequester = await Client.WaitForMailAsync(requestId, m => m.To.Contains(MatchingStack.Requester) && AdminHttp.HasFollowUpLink(m),
            "follow-up to requester");
        var toPartner = await Client.WaitForMailAsync(requestId, m => m.To.Contains("circ-one@example.org") && AdminHttp.HasFollowUpLink(m),
            "follow-up to partner");
        var requesterLink = AdminHttp.FollowUpLinkIn(toRequester);

        // Opening the form (a mail scanner, or the person) records nothing.
        for (var i = 0; i < 3; i++)
        {
            using var get = await Client.Http.GetAsync(requesterLink, Ct);
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await get.Content.ReadAsStringAsync(Ct)).ShouldContain("name=\"progress\"");
            using var head = await Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, requesterLink), Ct);
            head.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await Client.StatusOfAsync(requestId)).ShouldBe("FollowUp");

        using (var bad = await Client.PostFormAsync(requesterLink, ("progress", "splendid")))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        using (var answer = await Client.PostFormAsync(requesterLink, ("progress", "on-track"), ("comment", "First workshop <held> in May.")))
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var again = await Client.PostFormAsync(requesterLink, ("progress", "stalled")))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        using (var answer = await Client.PostFormAsync(AdminHttp.FollowUpLinkIn(toPartner), ("progress", "some-difficulties")))
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Well before AnswerWithin: closed because both answered.
        var detail = await Client.WaitForStatusAsync(requestId, "Closed", MatchingStack.AnswerWithin - TimeSpan.FromSeconds(3));
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        timeline.ShouldContain(t => t.GetProperty("action").GetString() == "follow-up answer: on-track"
            && t.GetProperty("detail").GetString() == "First workshop <held> in May." && t.GetProperty("actor").GetString() == MatchingStack.Requester);
        timeline.ShouldContain(t => t.GetProperty("action").GetString() == "follow-up answer: some-difficulties"
            && t.GetProperty("actor").GetString() == "circ-one@example.org");
        timeline.ShouldContain(t => t.GetProperty("action").GetString() == "engagement closed"
            && t.GetProperty("detail").GetString()!.Contains("every follow-up answered"));
        (await AdminHttp.GetPartnerAsync(Client, "circ-one")).GetProperty("openEngagements").GetInt32().ShouldBe(0);
        // Closed is the orchestration's last step: it completes right after.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString() != "Completed" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
            detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        }
        detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task Without_answers_the_request_closes_after_the_answer_window_and_the_forms_close()
    {
        var requestId = await MatchAsync("e2e-followup-silent", "water-management", "water-one@example.org");
        var toPartner = await Client.WaitForMailAsync(requestId, m => m.To.Contains("water-one@example.org") && AdminHttp.HasFollowUpLink(m),
            "follow-up to partner");

        var detail = await Client.WaitForStatusAsync(requestId, "Closed", MatchingStack.AnswerWithin + TimeSpan.FromSeconds(60));
        detail.GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("action").GetString() == "engagement closed"
            && t.GetProperty("detail").GetString()!.Contains("no follow-up answer from"));
        (await AdminHttp.GetPartnerAsync(Client, "water-one")).GetProperty("openEngagements").GetInt32().ShouldBe(0);

        using var late = await Client.PostFormAsync(AdminHttp.FollowUpLinkIn(toPartner), ("progress", "completed"));
        late.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }
}
