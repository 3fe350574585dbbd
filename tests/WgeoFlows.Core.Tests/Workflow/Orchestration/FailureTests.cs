using System.Net;
using Microsoft.DurableTask.Client;
using WgeoFlows.Intake;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class FailureTests(OrchestrationHost host)
{
    [Fact]
    public async Task An_activity_that_keeps_failing_is_retried_then_the_request_is_marked_Failed_and_the_orchestration_fails()
    {
        await using var run = await host.StartAsync(s => s.On(W.ScreenRequest, _ => throw new InvalidOperationException("table unavailable")));

        var completed = await host.CompletionAsync(run);

        completed.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        run.CallsOf(W.ScreenRequest).Count.ShouldBe(run.Settings.StepRetry!.MaxAttempts);
        var failed = run.CallsOf(W.RecordStatus).Last();
        (failed.Status, failed.Action, failed.Detail).ShouldBe((RequestStatus.Failed, $"activity {WorkflowNames.Activities.ScreenRequest} failed",
            "table unavailable"));
    }

    [Fact]
    public async Task A_transient_failure_heals_on_retry_and_the_request_goes_on()
    {
        var attempts = 0;
        await using var run = await host.StartAsync(s => s.On(W.ScreenRequest, _ =>
            ++attempts < 2 ? throw new InvalidOperationException("storage hiccup") : new ScreeningOutcome(true, [])));

        await run.WaitForEmailAsync("review|");
        run.CallsOf(W.ScreenRequest).Count.ShouldBe(2);
        run.CallsOf(W.RecordStatus).ShouldNotContain(s => s.Status == RequestStatus.Failed);
    }

    [Fact]
    public async Task A_request_without_a_record_fails_at_once_without_retries()
    {
        await using var run = await host.StartAsync(s => s.On(W.BeginRequest, id => throw new InvalidOperationException($"Request {id} has no record.")));

        (await host.CompletionAsync(run)).RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        run.CallsOf(W.BeginRequest).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_email_that_cannot_be_sent_uses_its_retry_budget_then_fails_the_request()
    {
        await using var run = await host.StartAsync(s => s.On(W.SendEmail, e =>
            e.MessageKey == "ack" ? throw new EmailSendFailedException(HttpStatusCode.ServiceUnavailable, "SendGrid is down")
                : new EmailOutcome(e.MessageKey, false, e.Template)));

        (await host.CompletionAsync(run)).RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        run.Emails.Count(e => e.MessageKey == "ack").ShouldBe(run.Settings.EmailRetry!.MaxAttempts);
        run.CallsOf(W.RecordStatus).Last().Action.ShouldBe($"activity {WorkflowNames.Activities.SendEmail} failed");
    }

    [Fact]
    public async Task An_email_SendGrid_refuses_is_not_retried()
    {
        await using var run = await host.StartAsync(s => s.On(W.SendEmail, e =>
            e.MessageKey == "ack" ? throw new EmailRejectedException(HttpStatusCode.BadRequest, "invalid address")
                : new EmailOutcome(e.MessageKey, false, e.Template)));

        (await host.CompletionAsync(run)).RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        run.Emails.Count(e => e.MessageKey == "ack").ShouldBe(1);
        run.CallsOf(W.RecordStatus).Last().Status.ShouldBe(RequestStatus.Failed);
    }

    [Fact]
    public async Task A_terminated_request_stops_where_it_waits_and_later_events_move_nothing()
    {
        await using var run = await host.StartAsync();
        await run.WaitForEmailAsync("review|review-1-r0|");

        await host.Client.TerminateInstanceAsync(run.RequestId, "cancelled by an admin", TestContext.Current.CancellationToken);
        (await host.CompletionAsync(run)).RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Terminated);
        var callsAtTermination = run.Calls.Count;
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));

        (await host.Client.GetInstanceAsync(run.RequestId, TestContext.Current.CancellationToken))!.RuntimeStatus
            .ShouldBe(OrchestrationRuntimeStatus.Terminated);
        run.Calls.Count.ShouldBe(callsAtTermination);
    }
}
