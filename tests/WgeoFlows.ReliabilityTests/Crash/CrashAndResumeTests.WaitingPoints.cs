using System.Net;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

// Killed while a request rests at each of its waiting points — review, the requester's update, the partner's offer, the
// admin's manual match — then started again: the emailed link (or the admin action) still decides, the request reaches
// Matched, and no mail of its outbox went missing or out twice.
public sealed partial class CrashAndResumeTests
{
    [Fact]
    public async Task A_request_killed_while_waiting_for_review_is_approved_through_its_emailed_link_and_is_matched()
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("crash-review"));
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Reviewer), "review request");
        await stack.WaitUntilWaitingAsync(requestId, "InReview", "review|");

        var restart = await stack.KillAndRestartAsync();

        await DecideAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve"));
        await Client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(120));
        await AssertCompletedOnceAsync(requestId, "review wait", restart);
    }

    [Fact]
    public async Task A_request_killed_while_waiting_for_the_requesters_answer_takes_the_answer_goes_back_to_review_and_is_matched()
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("crash-update"));
        var firstReview = await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Reviewer), "review request");
        await DecideAsync(WgeoClient.LinkIn(firstReview, "review"), ("decision", "request-info"), ("comment", "Which districts first?"));
        var update = await Client.WaitForMailAsync(requestId,
            m => m.To.Contains(CrashStack.Requester) && WgeoClient.LinkPatternMatches(m, "update"), "update request");
        await stack.WaitUntilWaitingAsync(requestId, "AwaitingRequesterInfo", "update|");

        var restart = await stack.KillAndRestartAsync();

        await DecideAsync(WgeoClient.LinkIn(update, "update"), ("answer", "Mathare and Kibera, then the rest."));
        var secondReview = await Client.WaitForMailAsync(requestId,
            m => m.To.Contains(CrashStack.Reviewer) && m.Id != firstReview.Id && WgeoClient.LinkPatternMatches(m, "review"),
            "second review request", TimeSpan.FromSeconds(90));
        await DecideAsync(WgeoClient.LinkIn(secondReview, "review"), ("decision", "approve"));
        await Client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(120));

        var timeline = await Client.TimelineAsync(requestId);
        timeline.ShouldContain(t => t.Action.Contains("more information", StringComparison.OrdinalIgnoreCase));
        await AssertCompletedOnceAsync(requestId, "requester-update wait", restart);
    }

    [Fact]
    public async Task A_request_killed_while_its_offers_wait_for_partners_is_accepted_through_the_offer_link_and_introduced()
    {
        var requestId = await SubmitApprovedAsync("crash-offer");
        await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer", TimeSpan.FromSeconds(90));
        await stack.WaitUntilWaitingAsync(requestId, "AwaitingPartner", "offer|");

        var restart = await stack.KillAndRestartAsync();

        var accepted = await Client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(120));

        var ledger = await AssertCompletedOnceAsync(requestId, "offer wait", restart);
        ledger.Deliveries.ShouldContain(d => d.MessageKey == "intro|requester" && d.Recipient == CrashStack.Requester);
        var introduced = ledger.Deliveries.Where(d => d.MessageKey.StartsWith("intro|", StringComparison.Ordinal) && d.MessageKey != "intro|requester")
            .Select(d => d.Recipient).ToList();
        introduced.ShouldNotBeEmpty();
        introduced.ShouldAllBe(partner => accepted.Any(offer => offer.To.Contains(partner)), "only partners who accepted after the restart are introduced");
    }

    [Fact]
    public async Task A_request_killed_while_waiting_for_a_manual_match_is_matched_through_the_admin_api_and_introduced()
    {
        var requestId = await SubmitApprovedAsync("crash-manual");
        await DeclineOffersUntilManualMatchAsync(requestId);
        await stack.WaitUntilWaitingAsync(requestId, "NeedsManualMatch", "manual-match|");

        var restart = await stack.KillAndRestartAsync();

        var partnerId = (await Client.AdminGetAsync("/api/admin/partners?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        using (var match = await Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/requests/{requestId}/match", new { partnerId }))
        {
            match.StatusCode.ShouldBe(HttpStatusCode.Accepted, await match.Content.ReadAsStringAsync(Ct));
        }
        var detail = await Client.WaitForStatusAsync(requestId, "Matched", TimeSpan.FromSeconds(120));
        detail.GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("action").GetString() == "matched by admin");
        var ledger = await AssertCompletedOnceAsync(requestId, "manual-match wait", restart);
        ledger.Deliveries.ShouldContain(d => d.MessageKey == $"intro|{partnerId}", $"the introduction to the admin's choice, {partnerId}");
        ledger.Deliveries.ShouldContain(d => d.MessageKey == "intro|requester" && d.Recipient == CrashStack.Requester);
    }

    private async Task<string> SubmitApprovedAsync(string submissionId)
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid(submissionId));
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Reviewer), "review request");
        await DecideAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve"));
        return requestId;
    }

    /// <summary>Declines every offer as it arrives; with one offer round that leads to the manual-match wait.</summary>
    private async Task DeclineOffersUntilManualMatchAsync(string requestId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        var declined = new HashSet<string>(StringComparer.Ordinal);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var offer in (await Client.MailsAboutAsync(requestId)).Where(m => WgeoClient.LinkPatternMatches(m, "offer") && declined.Add(m.Id)))
            {
                using var response = await Client.PostFormAsync(WgeoClient.LinkIn(offer, "offer"), ("response", "decline"));
                // 410: the round already ended (the other side's decline closed every offer of the request).
                if (response.StatusCode != HttpStatusCode.Gone) response.EnsureSuccessStatusCode();
            }
            if (declined.Count > 0 && await Client.StatusOfAsync(requestId) == "NeedsManualMatch") return;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"Request {requestId} did not reach NeedsManualMatch after declining {declined.Count} offer(s).");
    }
}
