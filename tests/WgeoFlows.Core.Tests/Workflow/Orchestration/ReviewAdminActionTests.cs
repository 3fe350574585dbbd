using WgeoFlows.Admin.Actions;
using WgeoFlows.Review;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class ReviewAdminActionTests(OrchestrationHost host)
{
    private const string NewReviewer = "new.reviewer@example.org";

    [Fact]
    public async Task A_resend_mails_the_same_link_again_and_the_link_still_decides()
    {
        await using var run = await host.StartAsync();
        var first = await run.WaitForEmailAsync("review|review-1-r0|");

        var resend = Decisions.Admin(AdminAction.Resend, "review-1-r0");
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, resend);
        var again = await run.WaitForEmailAsync($"resend|{resend.At.UtcTicks}|review-1-r0|{WorkflowScenario.Primary}");
        again.Values["reviewLink"].ShouldBe(first.Values["reviewLink"]);
        (await run.WaitForTimelineAsync("review emails resent")).Actor.ShouldBe("admin@example.org");

        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));
        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.CallsOf(W.OpenReview).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_action_for_a_stage_that_is_not_open_is_ignored()
    {
        await using var run = await host.StartAsync();
        await run.WaitForEmailAsync("review|review-1-r0|");
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, Decisions.Admin(AdminAction.Reassign, "review-7-r0", NewReviewer));
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));

        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.CallsOf(W.CloseStage).ShouldBeEmpty();
        run.Sent("withdrawn|").ShouldBeFalse();
    }

    [Fact]
    public async Task A_reassign_closes_the_round_tells_the_old_reviewer_and_opens_a_round_for_the_new_reviewer_alone()
    {
        await using var run = await host.StartAsync(s => s.Settings = s.Settings with
        {
            ReviewReminderAfter = TimeSpan.FromMilliseconds(100),
            ReviewEscalateAfter = TimeSpan.FromMilliseconds(150),
        });
        await run.WaitForEmailAsync("review|review-1-r0|");
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, Decisions.Admin(AdminAction.Reassign, "review-1-r0", NewReviewer));

        var reopened = await run.WaitForCallAsync(W.OpenReview, c => c.Round == 1);
        (reopened.StageNumber, reopened.Reviewer, reopened.Backup).ShouldBe((1, NewReviewer, false));
        var closed = run.CallsOf(W.CloseStage).Single();
        (closed.StageKey, closed.Reason).ShouldBe(("review-1-r0", $"reassigned to {NewReviewer}"));
        run.Sent($"withdrawn|review-1-r0|{WorkflowScenario.Primary}").ShouldBeTrue();
        await run.WaitForEmailAsync($"review|review-1-r1|{NewReviewer}");

        // A stage an admin gave to someone is followed up by the admins: the reminder goes out, the escalation does not.
        await run.WaitForTimelineAsync("review escalation timer fired");
        run.Sent($"reminder|review-1-r1|{NewReviewer}").ShouldBeTrue();
        run.Sent("escalation|").ShouldBeFalse();
        run.CallsOf(W.OpenReview).ShouldNotContain(c => c.Backup);

        // The old round's link is dead for the workflow: only the new reviewer's decision counts.
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Review("review-1-r0", ReviewStep.Reject));
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r1", NewReviewer));
        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.Sent("rejected").ShouldBeFalse();
    }

    [Fact]
    public async Task A_resend_while_waiting_for_the_requester_mails_the_update_link_again()
    {
        await using var run = await host.StartAsync();
        await run.WaitForEmailAsync("review|review-1-r0|");
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Review("review-1-r0", ReviewStep.RequestInfo, "Budget?"));
        var ask = await run.WaitForEmailAsync("update|update-1-0");

        var resend = Decisions.Admin(AdminAction.Resend, "update-1-0");
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, resend);
        var again = await run.WaitForEmailAsync($"resend|{resend.At.UtcTicks}|update-1-0");
        again.Values["updateLink"].ShouldBe(ask.Values["updateLink"]);
        await run.WaitForTimelineAsync("update email resent");

        await host.RaiseAsync(run, WorkflowEvents.RequesterUpdate, Decisions.Answer("update-1-0", "100k"));
        await run.WaitForEmailAsync("review|review-1-r1|");
    }
}
