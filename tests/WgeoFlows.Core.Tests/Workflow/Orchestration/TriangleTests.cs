using WgeoFlows.Matching.Offers;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class TriangleTests(OrchestrationHost host)
{
    private async Task<WorkflowScenario> TriangleAsync()
    {
        var run = await host.StartAsync(s => s.Triangle = new TriangularCandidates("Financing asked.",
            [WorkflowScenario.Partner("t1")], [WorkflowScenario.Partner("f1")]));
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
