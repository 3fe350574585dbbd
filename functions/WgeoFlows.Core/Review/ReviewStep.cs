using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Review;

public enum ReviewOutcome { Approved, Rejected, Expired }

/// <summary>
/// The review stage of the orchestration: each review stage in turn, with reminder, escalation and expiry timers,
/// and the "more information" loop, which starts the same stage again with fresh links (the old ones are then dead).
/// </summary>
public static class ReviewStep
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string RequestInfo = "request-info";

    public static async Task<ReviewOutcome> RunAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester)
    {
        var stage = 1;
        var round = 0;
        var stageCount = 1;
        while (stage <= stageCount)
        {
            var opened = await run.CallAsync<OpenedReview>(WorkflowNames.Activities.OpenReview,
                new OpenReviewCommand(run.RequestId, stage, round, Backup: false, run.Now));
            stageCount = opened.StageCount;
            await run.SetStatusAsync(RequestStatus.InReview, $"review: {opened.StageTitle}", "review opened", opened.StageTitle);
            foreach (var link in opened.Links)
            {
                await run.EmailAsync($"review|{opened.StageKey}|{link.Email}", "review-request", "en", new EmailRecipient(link.Email, link.Name),
                    new Dictionary<string, string> { ["reviewLink"] = link.Url, ["stageName"] = opened.StageTitle, ["reviewerName"] = link.Name });
            }

            var decision = await WaitWithTimersAsync(run, opened, stage, round);
            if (decision is null)
            {
                await run.CallAsync<bool>(WorkflowNames.Activities.CloseStage,
                    new CloseStageCommand(run.RequestId, opened.StageKey, "expired", run.Now));
                await run.EmailAsync("expired", "request-expired", facts.Language, requester);
                await run.SetStatusAsync(RequestStatus.Expired, "review", "review expired", "no decision before the deadline");
                return ReviewOutcome.Expired;
            }

            switch (decision.Decision)
            {
                case Approve:
                    stage++;
                    round = 0;
                    break;
                case Reject:
                    await run.EmailAsync("rejected", "request-rejected", facts.Language, requester,
                        new Dictionary<string, string> { ["comment"] = decision.Comment ?? "" });
                    await run.SetStatusAsync(RequestStatus.Rejected, "review", "rejected by reviewer", decision.Comment, decision.Person);
                    return ReviewOutcome.Rejected;
                default:
                    if (!await AskRequesterAsync(run, facts, requester, decision, $"update-{stage}-{round}"))
                    {
                        return ReviewOutcome.Expired;
                    }
                    round++;
                    break;
            }
        }
        return ReviewOutcome.Approved;
    }

    /// <summary>Waits for the stage's decision through its reminder, escalation and expiry deadlines; null when it expired.</summary>
    private static async Task<LinkDecision?> WaitWithTimersAsync(WorkflowRun run, OpenedReview opened, int stage, int round)
    {
        var openedAt = run.Now;
        var checkpoints = new (TimeSpan After, string What)[]
        {
            (run.Settings.ReviewReminderAfter, "reminder"),
            (run.Settings.ReviewEscalateAfter, "escalation"),
            (run.Settings.ReviewExpireAfter, "expiry"),
        }.OrderBy(c => c.After).ThenBy(c => c.What == "expiry" ? 1 : 0);

        foreach (var (after, what) in checkpoints)
        {
            var decision = await run.WaitForEventAsync<LinkDecision>(WorkflowNames.Events.ReviewDecision,
                e => e.StageKey == opened.StageKey, openedAt + after);
            if (decision is not null) return decision;
            await run.RecordAsync($"review {what} timer fired", opened.StageTitle);
            switch (what)
            {
                case "reminder":
                    foreach (var link in opened.Links)
                    {
                        await run.EmailAsync($"reminder|{opened.StageKey}|{link.Email}", "review-reminder", "en",
                            new EmailRecipient(link.Email, link.Name),
                            new Dictionary<string, string> { ["reviewLink"] = link.Url, ["stageName"] = opened.StageTitle });
                    }
                    break;
                case "escalation":
                    var backups = await run.CallAsync<OpenedReview>(WorkflowNames.Activities.OpenReview,
                        new OpenReviewCommand(run.RequestId, stage, round, Backup: true, run.Now));
                    foreach (var link in backups.Links)
                    {
                        await run.EmailAsync($"escalation|{opened.StageKey}|{link.Email}", "review-escalation", "en",
                            new EmailRecipient(link.Email, link.Name),
                            new Dictionary<string, string>
                            {
                                ["reviewLink"] = link.Url, ["stageName"] = opened.StageTitle, ["primaryReviewer"] = opened.PrimaryNames,
                            });
                    }
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>The "more information" loop: the requester gets an update link; false when they never answered.</summary>
    private static async Task<bool> AskRequesterAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester, LinkDecision decision,
        string updateKey)
    {
        var question = decision.Comment ?? "";
        var link = await run.CallAsync<PersonLink>(WorkflowNames.Activities.OpenRequesterUpdate,
            new OpenUpdateCommand(run.RequestId, updateKey, question, decision.Person, run.Now));
        await run.SetStatusAsync(RequestStatus.AwaitingRequesterInfo, "review: more information", "more information requested", question,
            decision.Person);
        await run.EmailAsync($"update|{updateKey}", "info-request", facts.Language, requester,
            new Dictionary<string, string> { ["updateLink"] = link.Url, ["question"] = question });

        var answer = await run.WaitForEventAsync<LinkDecision>(WorkflowNames.Events.RequesterUpdate,
            e => e.StageKey == updateKey, run.Now + run.Settings.ReviewExpireAfter);
        if (answer is null)
        {
            await run.CallAsync<bool>(WorkflowNames.Activities.CloseStage, new CloseStageCommand(run.RequestId, updateKey, "expired", run.Now));
            await run.EmailAsync("expired", "request-expired", facts.Language, requester);
            await run.SetStatusAsync(RequestStatus.Expired, "review: more information", "no answer from the requester");
            return false;
        }
        await run.CallAsync<bool>(WorkflowNames.Activities.AppendAnswer, new AppendAnswerCommand(run.RequestId, updateKey, question,
            decision.Person, decision.At, answer.Comment ?? "", answer.At));
        return true;
    }
}
