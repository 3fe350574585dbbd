using WgeoFlows.Review;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[Collection(OrchestrationCollection.Name)]
public sealed class ReviewTests(OrchestrationHost host)
{
    [Fact]
    public async Task A_reject_tells_the_requester_the_comment_and_ends_Rejected()
    {
        await using var run = await host.StartAsync();
        await run.WaitForEmailAsync("review|review-1-r0|");
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Review("review-1-r0", ReviewStep.Reject, "out of scope"));

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Rejected);
        var rejected = run.Emails.Single(e => e.MessageKey == "rejected");
        rejected.Values["comment"].ShouldBe("out of scope");
        var status = run.CallsOf(W.RecordStatus).Last();
        (status.Status, status.Actor, status.Detail).ShouldBe((RequestStatus.Rejected, WorkflowScenario.Primary, "out of scope"));
        run.CallsOf(W.RankPartners).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_review_stage_is_opened_in_turn_and_the_last_approval_starts_matching()
    {
        await using var run = await host.StartAsync(s => s.StageCount = 2);
        await run.WaitForEmailAsync("review|review-1-r0|");
        run.CallsOf(W.OpenReview).Select(c => c.StageNumber).ShouldBe([1]);
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));

        await run.WaitForEmailAsync("review|review-2-r0|");
        run.CallsOf(W.RankPartners).ShouldBeEmpty();
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-2-r0"));

        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.CallsOf(W.OpenReview).Select(c => (c.StageNumber, c.Round, c.Backup)).ShouldBe([(1, 0, false), (2, 0, false)]);
        run.CallsOf(W.RecordStatus).Count(s => s.Status == RequestStatus.InReview).ShouldBe(2);
    }

    [Fact]
    public async Task A_decision_for_a_stage_that_is_over_is_dropped_so_the_first_decision_wins()
    {
        await using var run = await host.StartAsync(s => s.StageCount = 2);
        await run.WaitForEmailAsync("review|review-1-r0|");
        // Two decisions on stage one, the approval first: the reject arrives when stage two is open and must not end the request.
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r0"));
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Review("review-1-r0", ReviewStep.Reject, "too late"));

        await run.WaitForEmailAsync("review|review-2-r0|");
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-2-r0"));

        await run.WaitForStatusAsync(RequestStatus.Matching);
        run.Sent("rejected").ShouldBeFalse();
        run.CallsOf(W.RecordStatus).ShouldNotContain(s => s.Status == RequestStatus.Rejected);
    }

    [Fact]
    public async Task Request_info_asks_the_requester_appends_the_answer_and_reviews_again_with_a_new_round()
    {
        await using var run = await host.StartAsync();
        await run.WaitForEmailAsync("review|review-1-r0|");
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Review("review-1-r0", ReviewStep.RequestInfo, "Which cities?"));

        var update = await run.WaitForCallAsync(W.OpenRequesterUpdate);
        (update.StageKey, update.Question, update.AskedBy).ShouldBe(("update-1-0", "Which cities?", WorkflowScenario.Primary));
        var ask = await run.WaitForEmailAsync("update|update-1-0");
        (ask.Values["question"], ask.To.Single().Email).ShouldBe(("Which cities?", WorkflowScenario.Requester));
        (await run.WaitForStatusAsync(RequestStatus.AwaitingRequesterInfo)).Detail.ShouldBe("Which cities?");

        // An answer for another update stage is not this one's.
        await host.RaiseAsync(run, WorkflowEvents.RequesterUpdate, Decisions.Answer("update-9-9", "wrong stage"));
        await host.RaiseAsync(run, WorkflowEvents.RequesterUpdate, Decisions.Answer("update-1-0", "Nairobi and Lima"));

        await run.WaitForEmailAsync("review|review-1-r1|");
        var appended = run.CallsOf(W.AppendAnswer).Single();
        (appended.StageKey, appended.Question, appended.Answer).ShouldBe(("update-1-0", "Which cities?", "Nairobi and Lima"));
        run.CallsOf(W.CloseStage).Select(c => (c.StageKey, c.EvenIfDecided)).ShouldBe([("update-1-0", true), ("review-1-r0", true)]);
        run.CallsOf(W.OpenReview).Select(c => (c.StageNumber, c.Round)).ShouldBe([(1, 0), (1, 1)]);

        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Approve("review-1-r1"));
        await run.WaitForStatusAsync(RequestStatus.Matching);
    }

    [Fact]
    public async Task A_question_the_requester_never_answers_expires_the_request()
    {
        await using var run = await host.StartAsync(s => s.Settings = s.Settings with { ReviewExpireAfter = TimeSpan.FromMilliseconds(200) });
        // The review's own expiry is 200 ms too: the decision is raised at once (Durable keeps it until the review waits for it),
        // so that the update's deadline is the one that passes.
        await host.RaiseAsync(run, WorkflowEvents.ReviewDecision, Decisions.Review("review-1-r0", ReviewStep.RequestInfo, "Budget?"));

        (await host.FinalStatusAsync(run)).ShouldBe(RequestStatus.Expired);
        run.CallsOf(W.CloseStage).Single().ShouldSatisfyAllConditions(c => c.StageKey.ShouldBe("update-1-0"), c => c.Reason.ShouldBe("expired"));
        run.Sent("expired").ShouldBeTrue();
        run.CallsOf(W.RecordStatus).Last().Action.ShouldBe("no answer from the requester");
        run.CallsOf(W.AppendAnswer).ShouldBeEmpty();
    }
}
