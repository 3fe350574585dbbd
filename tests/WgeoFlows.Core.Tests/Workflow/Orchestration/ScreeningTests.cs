using WgeoFlows.Intake;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class ScreeningTests(OrchestrationHost host)
{
    [Fact]
    public async Task An_ineligible_request_is_acknowledged_told_why_and_ends_Rejected_without_review()
    {
        await using var run = await host.StartAsync(s => s.Screening = new ScreeningOutcome(false, ["platform unknown", "no country"]));

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Rejected);
        run.Emails.Select(e => e.MessageKey).ShouldBe(["ack", "screening-rejected"]);
        run.Emails[1].Values["reasons"].ShouldBe("platform unknown\nno country");
        run.Emails[1].To.Single().Email.ShouldBe(WorkflowScenario.Requester);
        run.CallsOf(W.RecordStatus).Select(s => s.Status).ShouldBe([RequestStatus.Screening, RequestStatus.Rejected]);
        run.CallsOf(W.OpenReview).ShouldBeEmpty();
    }
}
