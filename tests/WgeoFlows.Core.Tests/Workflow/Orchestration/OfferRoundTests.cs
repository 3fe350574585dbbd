using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class OfferRoundTests(OrchestrationHost host)
{
    private async Task<WorkflowScenario> ApprovedAsync(Action<WorkflowScenario> arrange)
    {
        var run = await host.StartAsync(arrange);
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));
        return run;
    }

    [Fact]
    public async Task A_decline_and_a_silent_round_lead_to_a_manual_match_that_completes_the_request()
    {
        await using var run = await ApprovedAsync(s => s.Settings = s.Settings with { MaxRounds = 2, OfferTimeout = TimeSpan.FromMilliseconds(150) });

        await run.WaitForEmailAsync("offer|offer-0-p1");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Decline("p1", 0));
        await run.WaitForEmailAsync("offer|offer-1-p2");
        // p2 stays silent: the round times out, no candidate or round is left.
        (await run.WaitForStatusAsync(RequestStatus.NeedsManualMatch)).Detail.ShouldBe("waiting for an admin to match");
        (await run.WaitForTimelineAsync("offer round timed out")).Detail.ShouldBe("Partner p2");
        run.CallsOf(W.CloseStage).Select(c => (c.StageKey, c.Reason)).ShouldBe([("offer-1-p2", "round timed out")]);
        await run.WaitForEmailAsync("manual-match|admin@example.org");

        await host.RaiseAsync(run, WorkflowEvents.AdminMatch, new AdminMatchEvent("p9", "admin@example.org", DateTimeOffset.UtcNow));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner p9");
        run.CallsOf(W.OpenOffers).Select(c => (c.Round, string.Join(",", c.PartnerIds))).ShouldBe([(0, "p1"), (1, "p2")]);
        var reserved = run.CallsOf(W.ReserveCapacity).Single();
        (reserved.PartnerId, reserved.Force).ShouldBe(("p9", true));
        (await run.WaitForTimelineAsync("matched by admin")).Actor.ShouldBe("admin@example.org");
        // The admin's partner is introduced to the requester, and the requester to it; the partners who were offered are not.
        run.Emails.Single(e => e.MessageKey == "intro|requester").Values[EmailValueKeys.PartnerEmails].ShouldBe("p9@partners.example");
        run.Emails.Single(e => e.MessageKey == "intro|p9").To.Single().Email.ShouldBe("p9@partners.example");
        run.Emails.Where(e => e.MessageKey.StartsWith("offer|", StringComparison.Ordinal)).Select(e => e.MessageKey)
            .ShouldBe(["offer|offer-0-p1", "offer|offer-1-p2"], "one offer to each candidate, never a second to the one who declined");
        run.Sent("intro|p1").ShouldBeFalse();
        run.Sent("intro|p2").ShouldBeFalse();
    }

    [Fact]
    public async Task A_manual_match_of_an_unknown_partner_is_refused_and_the_request_keeps_waiting()
    {
        await using var run = await ApprovedAsync(s =>
        {
            s.Partners = [];
            s.On(W.ReserveCapacity, c => c.PartnerId == "gone" ? new Reservation(false, null) : new Reservation(true, WorkflowScenario.Partner(c.PartnerId)));
        });
        await run.WaitForStatusAsync(RequestStatus.NeedsManualMatch);

        await host.RaiseAsync(run, WorkflowEvents.AdminMatch, new AdminMatchEvent("gone", "admin@example.org", DateTimeOffset.UtcNow));
        (await run.WaitForTimelineAsync("manual match refused")).Detail.ShouldBe("partner gone not found");
        await host.RaiseAsync(run, WorkflowEvents.AdminMatch, new AdminMatchEvent("p3", "admin@example.org", DateTimeOffset.UtcNow));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner p3");
        run.CallsOf(W.OpenOffers).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_acceptance_that_loses_the_capacity_race_moves_on_to_the_next_candidate()
    {
        await using var run = await ApprovedAsync(s => s.On(W.ReserveCapacity, c =>
            c.PartnerId == "p1" ? new Reservation(false, null) : new Reservation(true, WorkflowScenario.Partner(c.PartnerId))));

        await run.WaitForEmailAsync("offer|offer-0-p1");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("p1", 0));
        (await run.WaitForTimelineAsync("acceptance without capacity")).Detail.ShouldBe("Partner p1 has no capacity left");
        await run.WaitForEmailAsync("offer|offer-1-p2");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("p2", 1));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner p2");
        run.CallsOf(W.ReserveCapacity).Select(c => (c.PartnerId, c.Force)).ShouldBe([("p1", false), ("p2", false)]);
        run.Sent("intro|p1").ShouldBeFalse();
    }

    [Fact]
    public async Task The_first_acceptance_of_a_round_wins_and_closes_the_other_offers()
    {
        await using var run = await ApprovedAsync(s => s.Settings = s.Settings with { CandidatesPerRound = 2 });

        await run.WaitForEmailAsync("offer|offer-0-p2");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("p2", 0));
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("p1", 0));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner p2");
        run.CallsOf(W.ReserveCapacity).Select(c => c.PartnerId).ShouldBe(["p2"]);
        run.CallsOf(W.CloseStage).Select(c => (c.StageKey, c.Reason)).ShouldBe([("offer-0-p1", "another partner accepted")]);
    }
}
