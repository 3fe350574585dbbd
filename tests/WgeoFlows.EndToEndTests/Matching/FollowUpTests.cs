using System.Net;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>After FollowUp:After both sides get a link to a short form, which a GET only shows; answers land in the
/// timeline; the request closes when both have answered, and the partner's capacity is given back. (Closing after
/// FollowUp:AnswerWithin without answers is tested in milliseconds by the orchestration tests, WgeoFlows.Core.Tests'
/// Workflow/Orchestration/FollowUpTests, and the closed form's refusal of a late answer by the integration tests'
/// Links/LinkPagesAfterTheFactTests.)</summary>
public sealed class FollowUpTests(FollowUpStack stack) : IClassFixture<FollowUpStack>
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

        var toRequester = await Client.WaitForMailAsync(requestId, m => m.To.Contains(FollowUpStack.Requester) && AdminHttp.HasFollowUpLink(m),
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

        // Closed because both answered (the answer window is an hour on this stack, and the timeline says why).
        var detail = await Client.WaitForStatusAsync(requestId, "Closed");
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        timeline.ShouldContain(t => t.GetProperty("action").GetString() == "follow-up answer: on-track"
            && t.GetProperty("detail").GetString() == "First workshop <held> in May." && t.GetProperty("actor").GetString() == FollowUpStack.Requester);
        timeline.ShouldContain(t => t.GetProperty("action").GetString() == "follow-up answer: some-difficulties"
            && t.GetProperty("actor").GetString() == "circ-one@example.org");
        timeline.ShouldContain(t => t.GetProperty("action").GetString() == "engagement closed"
            && t.GetProperty("detail").GetString()!.Contains("every follow-up answered"));
        (await AdminHttp.GetPartnerAsync(Client, "circ-one")).GetProperty("openEngagements").GetInt32().ShouldBe(0);
        // Closed is the orchestration's last step: it completes right after.
        await Poll.UntilAsync(() => Client.AdminGetAsync($"/api/admin/requests/{requestId}"),
            d => d.GetProperty("orchestration").GetProperty("runtimeStatus").GetString() == "Completed", TimeSpan.FromSeconds(30),
            $"the orchestration of {requestId} completed", d => d.GetProperty("orchestration").ToString(), Ct);
    }
}
