using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>A request for financing becomes a triangle: a Global South technical partner and a funder, both offered, both
/// needed; a funder who declines is replaced by the next funder; everyone is introduced to everyone.</summary>
[Collection(MatchingStackCollection.Name)]
public sealed class TriangularMatchingTests(MatchingStack stack)
{
    private WgeoClient Client => stack.Client;

    [Fact]
    public async Task A_request_for_financing_is_matched_only_when_a_technical_partner_and_a_funder_both_accept()
    {
        var requestId = await stack.SubmitApprovedAsync("e2e-triangle", ["green-industry"], ["technical-assistance", "financing"]);

        var technical = await stack.WaitForOfferToAsync(requestId, "ind-tech@example.org");
        var funder = await stack.WaitForOfferToAsync(requestId, "ind-fund-first@example.net");
        technical.Text.ShouldContain("triangular cooperation");
        funder.Text.ShouldContain("triangular cooperation");

        await stack.AnswerOfferAsync(technical, "accept");
        // Once the workflow has taken the acceptance (its timeline says so), one side is not a match.
        await WaitForTimelineAsync(requestId, "technical partner confirmed");
        (await Client.StatusOfAsync(requestId)).ShouldBe("AwaitingPartner");

        await stack.AnswerOfferAsync(funder, "decline");
        await stack.AnswerOfferAsync(await stack.WaitForOfferToAsync(requestId, "ind-fund-second@example.net"), "accept");

        var detail = await Client.WaitForStatusAsync(requestId, "Matched");
        var actions = MatchingStack.Actions(detail);
        actions.ShouldContain("triangular cooperation proposed");
        actions.ShouldContain("technical partner confirmed");
        actions.ShouldContain("funder partner confirmed");

        // The requester meets both partners; each partner meets the requester and the other partner.
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(MatchingStack.Requester)
            && m.Text.Contains("ind-tech@example.org") && m.Text.Contains("ind-fund-second@example.net"), "introduction to requester");
        await Client.WaitForMailAsync(requestId, m => m.To.Contains("ind-tech@example.org")
            && m.Text.Contains(MatchingStack.Requester) && m.Text.Contains("ind-fund-second@example.net"), "introduction to the technical partner");
        await Client.WaitForMailAsync(requestId, m => m.To.Contains("ind-fund-second@example.net")
            && m.Text.Contains(MatchingStack.Requester) && m.Text.Contains("ind-tech@example.org"), "introduction to the funder");
        (await Client.MailsAboutAsync(requestId)).ShouldNotContain(m => m.To.Contains("ind-fund-first@example.net") && m.Subject.StartsWith("Introduction"));

        // Admins see both sides' rankings with every score explained.
        var matches = detail.GetProperty("matches").EnumerateArray().ToList();
        matches.Select(m => (m.GetProperty("side").GetString(), m.GetProperty("partnerId").GetString()))
            .ShouldBe([("technical", "ind-tech"), ("funder", "ind-fund-first"), ("funder", "ind-fund-second")]);
        foreach (var match in matches)
        {
            var breakdown = match.GetProperty("breakdown").EnumerateArray().ToList();
            breakdown.Count.ShouldBe(7);
            breakdown.Sum(b => b.GetProperty("points").GetDouble()).ShouldBe(match.GetProperty("score").GetDouble(), 1e-9);
            breakdown.ShouldAllBe(b => b.GetProperty("explanation").GetString()!.Length > 0);
        }
        matches[1].GetProperty("score").GetDouble().ShouldBe(80);
        matches[2].GetProperty("score").GetDouble().ShouldBe(70);
    }

    private async Task WaitForTimelineAsync(string requestId, string action)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await Client.TimelineAsync(requestId)).Any(t => t.Action == action))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No '{action}' in the timeline of {requestId}.");
            await Task.Delay(200, TestContext.Current.CancellationToken); // polling the admin API, not waiting for time to pass
        }
    }
}
