using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>Offer rounds with timers of seconds: a decline and a silent round move on to the next candidate, an acceptance
/// that finds no capacity moves on, and after the last round an admin completes the match.</summary>
[Collection(MatchingStackCollection.Name)]
public sealed class OfferRoundTests(MatchingStack stack)
{
    private WgeoClient Client => stack.Client;

    [Fact]
    public async Task A_decline_and_a_silent_round_lead_to_NeedsManualMatch_the_admins_are_emailed_and_the_admin_match_completes_it()
    {
        var requestId = await stack.SubmitApprovedAsync("e2e-rounds-manual", ["biodiversity"], ["capacity-building"]);

        // Round 1: the best candidate declines; round 2 goes at once to the next one, never back to the first.
        await stack.AnswerOfferAsync(await stack.WaitForOfferToAsync(requestId, "bio-first@example.org"), "decline");
        await stack.WaitForOfferToAsync(requestId, "bio-second@example.org");

        // Round 2: silence until the round's timeout; that was the last round.
        var detail = await Client.WaitForStatusAsync(requestId, "NeedsManualMatch", TimeSpan.FromSeconds(60));
        MatchingStack.Actions(detail).ShouldContain("offer decision: decline");
        MatchingStack.Actions(detail).ShouldContain("offer round timed out");
        var mails = await Client.MailsAboutAsync(requestId);
        mails.Count(m => m.To.Contains("bio-first@example.org") && WgeoClient.LinkPatternMatches(m, "offer")).ShouldBe(1);
        mails.Count(m => m.To.Contains("bio-second@example.org") && WgeoClient.LinkPatternMatches(m, "offer")).ShouldBe(1);
        detail.GetProperty("links").EnumerateArray().ShouldAllBe(l => !l.GetProperty("open").GetBoolean());
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(MatchingStack.Admin) && m.Subject.Contains("Manual match"), "needs-manual-match");

        // Both offers count as recent load for ranking.
        foreach (var id in new[] { "bio-first", "bio-second" })
        {
            var partner = await AdminHttp.GetPartnerAsync(Client, id);
            partner.GetProperty("recentOffers").GetInt32().ShouldBe(1);
            partner.TryGetProperty("lastOfferedAt", out _).ShouldBeTrue();
        }

        await stack.RaiseAdminMatchAsync(requestId, "bio-admin");

        detail = await Client.WaitForStatusAsync(requestId, "Matched");
        MatchingStack.Actions(detail).ShouldContain("matched by admin");
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(MatchingStack.Requester) && m.Text.Contains("bio-admin@example.org"),
            "introduction to requester");
        await Client.WaitForMailAsync(requestId, m => m.To.Contains("bio-admin@example.org") && m.Text.Contains(MatchingStack.Requester),
            "introduction to partner");
        (await AdminHttp.GetPartnerAsync(Client, "bio-admin")).GetProperty("openEngagements").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_acceptance_that_finds_no_capacity_left_moves_on_to_the_next_candidate()
    {
        var requestId = await stack.SubmitApprovedAsync("e2e-rounds-no-capacity", ["sustainable-tourism"], ["knowledge-exchange"]);
        var first = await stack.WaitForOfferToAsync(requestId, "tour-first@example.org");

        // Meanwhile the partner's last unit is gone (another engagement, or an admin lowered it).
        var partner = await AdminHttp.GetPartnerAsync(Client, "tour-first");
        using (var put = await AdminHttp.SendAsync(Client, HttpMethod.Put, "/api/admin/partners/tour-first", AdminHttp.Json(new
        {
            name = partner.GetProperty("name").GetString(),
            platform = "private-sector",
            country = "KE",
            role = "provider",
            thematicAreas = new[] { "sustainable-tourism" },
            supportTypes = new[] { "knowledge-exchange" },
            languages = new[] { "en" },
            capacity = 0,
            email = "tour-first@example.org",
        })))
        {
            put.EnsureSuccessStatusCode();
        }
        await stack.AnswerOfferAsync(first, "accept");

        await stack.AnswerOfferAsync(await stack.WaitForOfferToAsync(requestId, "tour-second@example.org"), "accept");
        var detail = await Client.WaitForStatusAsync(requestId, "Matched");
        MatchingStack.Actions(detail).ShouldContain("acceptance without capacity");
        detail.GetProperty("orchestration").GetProperty("customStatus").GetProperty("detail").GetString().ShouldBe("Tour Second (fictional)");
        (await AdminHttp.GetPartnerAsync(Client, "tour-first")).GetProperty("openEngagements").GetInt32().ShouldBe(0);
        (await AdminHttp.GetPartnerAsync(Client, "tour-second")).GetProperty("openEngagements").GetInt32().ShouldBe(1);
    }
}
