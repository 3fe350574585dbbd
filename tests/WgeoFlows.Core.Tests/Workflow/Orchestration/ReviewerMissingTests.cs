using WgeoFlows.Admin.Actions;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Review.Activities;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

/// <summary>A review stage whose platform has no primary reviewer: the request waits in review (no timers), the admins get one
/// mail, and an admin's reassignment — to a person, or to the platform's reviewers once some are registered — takes it on.</summary>
[Collection(OrchestrationCollection.Name)]
public sealed class ReviewerMissingTests(OrchestrationHost host)
{
    private const string NewReviewer = "nouvelle.relectrice@example.org";

    /// <summary>The first round opens for nobody; later rounds open as the fake's default does (the primary, or the reassigned person).</summary>
    private static void NobodyAtFirst(WorkflowScenario s)
    {
        // A reminder of a millisecond: a waiting round that had the usual timers would fire it at once.
        s.Settings = s.Settings with { ReviewReminderAfter = TimeSpan.FromMilliseconds(1), AdminEmails = ["admin@example.org", "ops@example.org"] };
        s.On(W.OpenReview, c => c.Round == 0
            ? new OpenedReview(OpenReviewActivity.StageKeyOf(c.StageNumber, c.Round, c.Attempt), "Review", 1, [], "", WaitsForReviewer: true)
            : new OpenedReview(OpenReviewActivity.StageKeyOf(c.StageNumber, c.Round, c.Attempt), "Review", 1,
                [new PersonLink(c.Reviewer ?? WorkflowScenario.Primary, "Reviewer", "https://wgeo.example/api/review/x")], "Reviewer"));
    }

    [Fact]
    public async Task A_stage_without_a_reviewer_waits_in_review_mails_the_admins_once_and_goes_on_for_the_platforms_reviewers()
    {
        await using var run = await host.StartAsync(NobodyAtFirst);
        var waiting = await run.WaitForStatusAsync(RequestStatus.InReview);
        waiting.Action.ShouldBe("waiting for a reviewer");
        var mail = await run.WaitForEmailAsync("reviewer-missing|");
        mail.Template.ShouldBe(EmailTemplates.ReviewerMissing);
        mail.Language.ShouldBe(MailLanguage.Staff);
        mail.To.Select(t => t.Email).ShouldBe(["admin@example.org", "ops@example.org"]);
        mail.Values[EmailValueKeys.AdminUrl].ShouldBe("https://wgeo.example/admin#reviewers");

        // A resend has nothing to resend and is dropped; the request still waits for a reviewer.
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, Decisions.Admin(AdminAction.Resend, "review-1-r0"));
        // Saving reviewers for the platform raises a reassign naming nobody: the platform's registered reviewers.
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, Decisions.Admin(AdminAction.Reassign, "review-1-r0"));

        var reopened = await run.WaitForCallAsync(W.OpenReview, c => c.Round == 1);
        (reopened.Reviewer, reopened.Backup).ShouldBe((null, false));
        (await run.WaitForTimelineAsync("review reassigned")).Detail.ShouldBe("Review: to the platform's registered reviewers");
        run.CallsOf(W.CloseStage).Single().StageKey.ShouldBe("review-1-r0");
        await run.WaitForEmailAsync($"review|review-1-r1|{WorkflowScenario.Primary}");
        // The normal round has its timers again; the waiting round had none, and nothing was withdrawn from nobody.
        await run.WaitForEmailAsync($"reminder|review-1-r1|{WorkflowScenario.Primary}");
        run.Sent("reminder|review-1-r0").ShouldBeFalse();
        run.Sent("withdrawn|").ShouldBeFalse();
        run.Sent("resend|").ShouldBeFalse();

        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r1"));
        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.Emails.Count(e => e.MessageKey.StartsWith("reviewer-missing|", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_reassign_to_a_person_takes_a_waiting_stage_on_for_them()
    {
        await using var run = await host.StartAsync(NobodyAtFirst);
        await run.WaitForEmailAsync("reviewer-missing|");
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, Decisions.Admin(AdminAction.Reassign, "review-1-r0", NewReviewer));

        var reopened = await run.WaitForCallAsync(W.OpenReview, c => c.Round == 1);
        reopened.Reviewer.ShouldBe(NewReviewer);
        await run.WaitForEmailAsync($"review|review-1-r1|{NewReviewer}");
        (await run.WaitForTimelineAsync("review reassigned")).Actor.ShouldBe("admin@example.org");
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r1", NewReviewer));
        await run.WaitForStatusAsync(RequestStatus.Matching);
    }

    [Fact]
    public async Task Without_admin_addresses_the_stage_still_waits_and_no_mail_is_sent()
    {
        await using var run = await host.StartAsync(s =>
        {
            NobodyAtFirst(s);
            s.Settings = s.Settings with { AdminEmails = [] };
        });
        (await run.WaitForStatusAsync(RequestStatus.InReview)).Action.ShouldBe("waiting for a reviewer");
        await host.RaiseAsync(run, WorkflowEvents.AdminAction, Decisions.Admin(AdminAction.Reassign, "review-1-r0", NewReviewer));
        await run.WaitForEmailAsync($"review|review-1-r1|{NewReviewer}");
        run.Sent("reviewer-missing|").ShouldBeFalse();
    }
}
