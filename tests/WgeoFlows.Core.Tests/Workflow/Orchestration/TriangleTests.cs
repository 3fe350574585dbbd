using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class TriangleTests(OrchestrationHost host)
{
    private async Task<WorkflowScenario> TriangleAsync(params string[] funders)
    {
        var run = await host.StartAsync(s => s.Triangle = new TriangularCandidates("Financing asked.",
            [WorkflowScenario.Partner("t1")], funders.Length == 0 ? [WorkflowScenario.Partner("f1")] : [.. funders.Select(WorkflowScenario.Partner)]));
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));
        await run.WaitForEmailAsync("offer|offer-0-t1");
        await run.WaitForEmailAsync("offer|offer-0-f1");
        return run;
    }

    [Fact]
    public async Task A_triangle_is_matched_when_the_technical_partner_and_the_funder_both_accept()
    {
        await using var run = await TriangleAsync();
        run.CallsOf(W.OpenOffers).Select(c => c.Side).ShouldBe([OfferSides.Technical, OfferSides.Funder]);
        run.Emails.Where(e => e.MessageKey.StartsWith("offer|", StringComparison.Ordinal)).ShouldAllBe(e => e.Values["triangular"] == "true");

        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("t1", 0));
        await run.WaitForTimelineAsync("technical partner confirmed");
        run.CallsOf(W.RecordStatus).ShouldNotContain(s => s.Status == RequestStatus.Matched);
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("f1", 0));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner t1, Partner f1");
        run.Emails.Single(e => e.MessageKey == "intro|t1").Values["partnerNames"].ShouldBe("Partner t1\nPartner f1");
    }

    [Fact]
    public async Task When_the_funder_declines_the_next_funder_is_offered_and_the_declined_one_is_never_introduced()
    {
        await using var run = await TriangleAsync("f1", "f2");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("t1", 0));
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Decline("f1", 0));

        // The funder side's next round goes to the next funder; the technical partner who accepted keeps its place.
        (await run.WaitForEmailAsync("offer|offer-1-f2")).Values[EmailValueKeys.Triangular].ShouldBe("true");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("f2", 1));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner t1, Partner f2");
        run.CallsOf(W.OpenOffers).Select(c => (c.Round, c.Side, string.Join(",", c.PartnerIds)))
            .ShouldBe([(0, OfferSides.Technical, "t1"), (0, OfferSides.Funder, "f1"), (1, OfferSides.Funder, "f2")]);
        run.CallsOf(W.ReserveCapacity).Select(c => (c.PartnerId, c.Force)).ShouldBe([("t1", false), ("f2", false)]);
        // Everyone is introduced to everyone, but the funder who declined to nobody.
        run.Emails.Where(e => e.MessageKey.StartsWith("intro|", StringComparison.Ordinal)).Select(e => e.MessageKey)
            .ShouldBe(["intro|requester", "intro|t1", "intro|f2"]);
        run.Emails.Where(e => e.MessageKey.StartsWith("intro|", StringComparison.Ordinal))
            .ShouldAllBe(e => e.Values[EmailValueKeys.PartnerEmails] == "t1@partners.example\nf2@partners.example");
    }

    [Fact]
    public async Task When_the_funder_declines_the_technical_partner_keeps_its_place_and_an_admin_adds_a_funder()
    {
        await using var run = await TriangleAsync();
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("t1", 0));
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Decline("f1", 0));

        (await run.WaitForStatusAsync(RequestStatus.NeedsManualMatch)).Detail
            .ShouldBe("Partner t1 accepted; waiting for an admin to choose the other partner");
        await host.RaiseAsync(run, WorkflowEvents.AdminMatch, new AdminMatchEvent("f2", "admin@example.org", DateTimeOffset.UtcNow));

        (await run.WaitForStatusAsync(RequestStatus.Matched)).Detail.ShouldBe("Partner t1, Partner f2");
        run.CallsOf(W.ReserveCapacity).Select(c => (c.PartnerId, c.Force)).ShouldBe([("t1", false), ("f2", true)]);
    }
}
