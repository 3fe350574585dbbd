using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class ReviewTimerTests(OrchestrationHost host)
{
    private static void Timers(WorkflowScenario s, int reminderMs, int escalateMs, TimeSpan expire) =>
        s.Settings = s.Settings with
        {
            ReviewReminderAfter = TimeSpan.FromMilliseconds(reminderMs),
            ReviewEscalateAfter = TimeSpan.FromMilliseconds(escalateMs),
            ReviewExpireAfter = expire,
        };

    [Fact]
    public async Task Without_a_decision_the_primary_is_reminded_the_backup_gets_the_escalation_and_the_review_expires()
    {
        await using var run = await host.StartAsync(s => Timers(s, 100, 200, TimeSpan.FromMilliseconds(300)));

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Expired);
        run.Emails.Select(e => e.MessageKey).ShouldBe([
            "ack", "review|review-1-r0|primary@example.org", "reminder|review-1-r0|primary@example.org",
            "escalation|review-1-r0|backup@example.org", "expired"]);
        run.Emails.Single(e => e.MessageKey.StartsWith("escalation|", StringComparison.Ordinal)).Values["primaryReviewer"]
            .ShouldBe(WorkflowScenario.Primary);
        run.CallsOf(W.OpenReview).Select(c => c.Backup).ShouldBe([false, true]);
        run.CallsOf(W.RecordTimeline).Select(t => t.Action).ShouldBe(
            ["review reminder timer fired", "review escalation timer fired", "review expiry timer fired"]);
        var closed = run.CallsOf(W.CloseStage).Single();
        (closed.StageKey, closed.Reason).ShouldBe(("review-1-r0", "expired"));
    }

    [Fact]
    public async Task After_the_escalation_the_backup_reviewer_may_decide()
    {
        await using var run = await host.StartAsync(s => Timers(s, 50, 100, WorkflowScenario.Never));
        await run.WaitForEmailAsync("escalation|review-1-r0|backup@example.org");

        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0", WorkflowScenario.Backup));

        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.Sent("expired").ShouldBeFalse();
    }
}
