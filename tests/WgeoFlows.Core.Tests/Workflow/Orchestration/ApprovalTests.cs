using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class ApprovalTests(OrchestrationHost host)
{
    [Fact]
    public async Task An_approved_request_is_offered_accepted_introduced_followed_up_and_closed()
    {
        await using var run = await host.StartAsync();

        var review = await run.WaitForCallAsync(W.OpenReview);
        review.StageNumber.ShouldBe(1);
        var reviewMail = await run.WaitForEmailAsync("review|review-1-r0|");
        reviewMail.To.Single().Email.ShouldBe(WorkflowScenario.Primary);
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));

        await run.WaitForEmailAsync($"offer|{WorkflowScenario.OfferKey("p1", 0)}");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("p1", 0));

        var followUp = await run.WaitForCallAsync(W.OpenFollowUp);
        followUp.People.Select(p => p.Key).ShouldBe(["requester", "p1"]);
        await host.RaiseAsync(run, WorkflowEvents.FollowUpAnswer, Decisions.FollowUp("followup-requester"));
        await host.RaiseAsync(run, WorkflowEvents.FollowUpAnswer, Decisions.FollowUp("followup-p1"));

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Closed);
        run.CallsOf(W.RecordStatus).Select(s => s.Status).ShouldBe([RequestStatus.Screening, RequestStatus.InReview, RequestStatus.Matching,
            RequestStatus.AwaitingPartner, RequestStatus.Matched, RequestStatus.FollowUp, RequestStatus.Closed]);
        run.Emails.Select(e => e.MessageKey).ShouldBe(["ack", "review|review-1-r0|primary@example.org", "offer|offer-0-p1",
            "intro|requester", "intro|p1", "follow-up|requester", "follow-up|p1"]);
        run.CallsOf(W.ReserveCapacity).Single().Force.ShouldBeFalse();
        run.CallsOf(W.ReleaseCapacity).Single().PartnerId.ShouldBe("p1");
        run.CallsOf(W.RecordStatus).Last().Detail.ShouldBe("every follow-up answered");
    }
}
