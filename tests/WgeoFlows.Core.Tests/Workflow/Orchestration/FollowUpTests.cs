using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class FollowUpTests(OrchestrationHost host)
{
    [Fact]
    public async Task Without_answers_the_forms_close_after_the_answer_window_and_the_request_closes_with_capacity_given_back()
    {
        await using var run = await host.StartAsync(s => s.FollowUpAnswerWithin = TimeSpan.FromMilliseconds(100));
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));
        await run.WaitForEmailAsync("offer|offer-0-p1");
        await host.RaiseAsync(run, WorkflowEvents.PartnerResponse, Decisions.Accept("p1", 0));
        await run.WaitForEmailAsync("follow-up|p1");
        // Only the requester answers.
        await host.RaiseAsync(run, WorkflowEvents.FollowUpAnswer, Decisions.FollowUp("followup-requester"));

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Closed);
        var followUp = run.CallsOf(W.RecordStatus).Single(s => s.Status == RequestStatus.FollowUp);
        var matched = run.CallsOf(W.RecordStatus).Single(s => s.Status == RequestStatus.Matched);
        (followUp.At - matched.At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(40)); // FollowUpAfter (50 ms), timers may be early
        // The unanswered form closes, so that its link says so and a late answer decides nothing.
        run.CallsOf(W.CloseStage).Select(c => (c.StageKey, c.Reason)).ShouldBe([("followup-p1", "the follow-up was closed without this answer")]);
        run.CallsOf(W.ReleaseCapacity).Select(c => c.PartnerId).ShouldBe(["p1"]);
        run.CallsOf(W.RecordStatus).Last().Detail.ShouldBe("no follow-up answer from Partner p1");
    }
}
