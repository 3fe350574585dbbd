using WgeoFlows.Links;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class ConfirmationTests(OrchestrationHost host)
{
    [Fact]
    public async Task A_request_from_a_public_door_waits_for_its_confirmation_then_is_screened()
    {
        await using var run = await host.StartAsync(awaitConfirmation: true);
        var mail = await run.WaitForEmailAsync("confirm");
        mail.To.Single().ShouldSatisfyAllConditions(to => to.Email.ShouldBe(WorkflowScenario.Requester), to => to.Name.ShouldBeNull());
        mail.Values["confirmLink"].ShouldBe("https://wgeo.example/api/confirm/x");
        run.CallsOf(W.RecordStatus).Select(s => s.Status).ShouldBe([RequestStatus.AwaitingConfirmation]);
        run.CallsOf(W.ScreenRequest).ShouldBeEmpty();

        await host.RaiseAsync(run, WorkflowEvents.RequesterConfirmation,
            new LinkDecision("confirm", WorkflowScenario.Requester, "confirm", null, DateTimeOffset.UtcNow));

        await run.WaitForEmailAsync("review|");
        (await run.WaitForTimelineAsync("address confirmed")).Actor.ShouldBe("requester");
        run.Emails.Select(e => e.MessageKey).Take(2).ShouldBe(["confirm", "ack"]);
        run.CallsOf(W.OpenConfirmation).Single().StageKey.ShouldBe("confirm");
    }

    [Fact]
    public async Task An_unconfirmed_request_expires_and_loses_its_personal_data()
    {
        await using var run = await host.StartAsync(s => s.ConfirmWithin = TimeSpan.FromMilliseconds(100), awaitConfirmation: true);

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Expired);
        run.CallsOf(W.CloseStage).Single().StageKey.ShouldBe("confirm");
        run.CallsOf(W.ExpireUnconfirmed).Single().ShouldBe(run.RequestId);
        run.CallsOf(W.RecordStatus).Last().Detail.ShouldBe("personal data removed");
        run.Emails.Select(e => e.MessageKey).ShouldBe(["confirm"]);
    }
}
