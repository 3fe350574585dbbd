using WgeoFlows.Admin.Actions;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Review;
using WgeoFlows.Review.Activities;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Steps;

public enum ReviewOutcome { Approved, Rejected, Expired }

/// <summary>
/// The review stage of the orchestration: each review stage in turn, with reminder, escalation and expiry timers,
/// and the "more information" loop, which starts the same stage again with fresh links (the old ones are then dead).
/// An admin may resend the open stage's emails, or reassign it: the stage round is closed and a new round opens for
/// the new reviewer alone (and for the rest of that stage).
/// </summary>
public static class ReviewStep
{
    // The words of ReviewVerdict, as link stages, timelines and histories hold them.
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string RequestInfo = "request-info";

    public static async Task<ReviewOutcome> RunAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester)
    {
        var stage = 1;
        var round = 0;
        var stageCount = 1;
        string? reassignedTo = null;
        while (stage <= stageCount)
        {
            var opened = await run.Context.CallOpenReviewAsync(new OpenReviewCommand(run.RequestId, stage, round, Backup: false, run.Now, run.Attempt, reassignedTo), run.Retry);
            stageCount = opened.StageCount;
            if (opened.WaitsForReviewer)
            {
                var taken = await WaitForReviewerAsync(run, opened, stage);
                await ReassignAsync(run, opened, taken);
                reassignedTo = taken.Reviewer;
                round++;
                continue;
            }
            await run.SetStatusAsync(RequestStatus.InReview, $"review: {opened.StageTitle}", "review opened", opened.StageTitle);
            foreach (var link in opened.Links)
            {
                await run.EmailAsync($"review|{opened.StageKey}|{link.Email}", EmailTemplates.ReviewRequest, MailLanguage.Staff,
                    new EmailRecipient(link.Email, link.Name),
                    new Dictionary<string, string> { ["reviewLink"] = link.Url, ["stageName"] = opened.StageTitle, ["reviewerName"] = link.Name });
            }

            var ended = await WaitWithTimersAsync(run, opened, stage, round, reassignedTo);
            if (ended.Reassign is { } reassign)
            {
                await ReassignAsync(run, opened, reassign);
                reassignedTo = reassign.Reviewer;
                round++;
                continue;
            }
            var decision = ended.Decision;
            if (decision is null)
            {
                await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, opened.StageKey, "expired", run.Now), run.Retry);
                await run.EmailAsync("expired", EmailTemplates.RequestExpired, facts.Language, requester);
                await run.SetStatusAsync(RequestStatus.Expired, "review", "review expired", "no decision before the deadline");
                return ReviewOutcome.Expired;
            }

            switch (ReviewVerdicts.Of(decision))
            {
                case ReviewVerdict.Approve:
                    stage++;
                    round = 0;
                    reassignedTo = null;
                    break;
                case ReviewVerdict.Reject:
                    await run.EmailAsync("rejected", EmailTemplates.RequestRejected, facts.Language, requester,
                        new Dictionary<string, string> { ["comment"] = decision.Comment ?? "" });
                    await run.SetStatusAsync(RequestStatus.Rejected, "review", "rejected by reviewer", decision.Comment, decision.Person);
                    return ReviewOutcome.Rejected;
                case ReviewVerdict.RequestInfo:
                    if (!await AskRequesterAsync(run, facts, requester, decision, OpenReviewActivity.UpdateKeyOf(stage, round, run.Attempt)))
                    {
                        return ReviewOutcome.Expired;
                    }
                    // The round's links die: the next round's links are the ones to use.
                    await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, opened.StageKey,
                        "the requester answered and a new review round has started", run.Now, EvenIfDecided: true), run.Retry);
                    round++;
                    break;
            }
        }
        return ReviewOutcome.Approved;
    }

    /// <summary>The stage has no primary reviewer: it stays in review, the admins get one mail (its key is the same on every
    /// replay and restart, so the outbox sends it once), and it waits, with no reminder, escalation or expiry, for an admin's
    /// reassignment: to one person, or (no reviewer named) to the platform's reviewers once an admin has registered some.</summary>
    private static async Task<AdminActionEvent> WaitForReviewerAsync(WorkflowRun run, OpenedReview opened, int stage)
    {
        await run.SetStatusAsync(RequestStatus.InReview, "review: waiting for a reviewer", "waiting for a reviewer",
            $"{opened.StageTitle}: the platform has no primary reviewer; an admin must register one or reassign the request");
        var admins = run.Settings.AdminEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(e => new EmailRecipient(e, null)).ToList();
        if (admins.Count > 0)
        {
            await run.EmailAllAsync($"reviewer-missing|{stage}", EmailTemplates.ReviewerMissing, MailLanguage.Staff, admins,
                new Dictionary<string, string> { [EmailValueKeys.AdminUrl] = run.Settings.AdminUrl + "#reviewers", [EmailValueKeys.StageName] = opened.StageTitle });
        }
        return await run.WaitForAdminAsync(a => a.StageKey == opened.StageKey && a.Action == AdminAction.Reassign);
    }

    /// <summary>How a stage round's wait ended: a decision, an admin's reassignment, or (both null) expiry.</summary>
    private sealed record StageEnd(LinkDecision? Decision, AdminActionEvent? Reassign);

    /// <summary>Waits for the stage's decision through its reminder, escalation and expiry deadlines. An admin's resend
    /// mails the current links again without moving the deadlines; a reassignment ends the wait.</summary>
    private static async Task<StageEnd> WaitWithTimersAsync(WorkflowRun run, OpenedReview opened, int stage, int round, string? reassignedTo)
    {
        var openedAt = run.Now;
        var links = opened.Links.ToList();
        var checkpoints = new (TimeSpan After, string What)[]
        {
            (run.Settings.ReviewReminderAfter, "reminder"),
            (run.Settings.ReviewEscalateAfter, "escalation"),
            (run.Settings.ReviewExpireAfter, "expiry"),
        }.OrderBy(c => c.After).ThenBy(c => c.What == "expiry" ? 1 : 0);

        foreach (var (after, what) in checkpoints)
        {
            while (true)
            {
                var waited = await run.WaitForEventOrAdminAsync(WorkflowEvents.ReviewDecision,
                    e => e.StageKey == opened.StageKey, a => a.StageKey == opened.StageKey, openedAt + after);
                if (waited.Event is not null) return new StageEnd(waited.Event, null);
                if (waited.Admin is null) break;
                if (waited.Admin.Action == AdminAction.Reassign) return new StageEnd(null, waited.Admin);
                await ResendAsync(run, opened, links, waited.Admin);
            }

            await run.RecordAsync($"review {what} timer fired", opened.StageTitle);
            switch (what)
            {
                case "reminder":
                    foreach (var link in opened.Links)
                    {
                        await run.EmailAsync($"reminder|{opened.StageKey}|{link.Email}", EmailTemplates.ReviewReminder, MailLanguage.Staff,
                            new EmailRecipient(link.Email, link.Name),
                            new Dictionary<string, string> { ["reviewLink"] = link.Url, ["stageName"] = opened.StageTitle });
                    }
                    break;
                case "escalation" when reassignedTo is null:
                    var backups = await run.Context.CallOpenReviewAsync(new OpenReviewCommand(run.RequestId, stage, round, Backup: true, run.Now, run.Attempt), run.Retry);
                    foreach (var link in backups.Links)
                    {
                        links.Add(link);
                        await run.EmailAsync($"escalation|{opened.StageKey}|{link.Email}", EmailTemplates.ReviewEscalation, MailLanguage.Staff,
                            new EmailRecipient(link.Email, link.Name),
                            new Dictionary<string, string>
                            {
                                ["reviewLink"] = link.Url,
                                ["stageName"] = opened.StageTitle,
                                ["primaryReviewer"] = opened.PrimaryNames,
                            });
                    }
                    break;
                case "escalation":
                    // An admin chose this stage's reviewer by hand: the admins, not the platform's backups, follow it up.
                    break;
                default:
                    return new StageEnd(null, null);
            }
        }
        return new StageEnd(null, null);
    }

    /// <summary>Mails every current link of the stage again. The message keys name the admin's action, so the outbox
    /// sends these mails although the first ones went out; the links themselves stay the same and stay valid.</summary>
    private static async Task ResendAsync(WorkflowRun run, OpenedReview opened, IEnumerable<PersonLink> links, AdminActionEvent action)
    {
        foreach (var link in links)
        {
            await run.EmailAsync($"resend|{action.At.UtcTicks}|{opened.StageKey}|{link.Email}", EmailTemplates.ReviewRequest, MailLanguage.Staff,
                new EmailRecipient(link.Email, link.Name),
                new Dictionary<string, string> { ["reviewLink"] = link.Url, ["stageName"] = opened.StageTitle, ["reviewerName"] = link.Name });
        }
        await run.RecordAsync("review emails resent", $"{opened.StageTitle}: {string.Join(", ", links.Select(l => l.Email))}", action.Admin);
    }

    /// <summary>Closes the stage round, so that every link of it is dead, and tells the reviewers who lose it.</summary>
    private static async Task ReassignAsync(WorkflowRun run, OpenedReview opened, AdminActionEvent action)
    {
        var to = action.Reviewer ?? "the platform's registered reviewers";
        await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, opened.StageKey, $"reassigned to {to}", run.Now), run.Retry);
        foreach (var link in opened.Links.Where(l => !string.Equals(l.Email, action.Reviewer, StringComparison.OrdinalIgnoreCase)))
        {
            await run.EmailAsync($"withdrawn|{opened.StageKey}|{link.Email}", EmailTemplates.ActionWithdrawn, MailLanguage.Staff,
                new EmailRecipient(link.Email, link.Name),
                new Dictionary<string, string> { [EmailValueKeys.Cause] = EmailValueKeys.CauseReassigned, [EmailValueKeys.Reason] = "" });
        }
        await run.RecordAsync("review reassigned", $"{opened.StageTitle}: to {to}", action.Admin);
    }

    /// <summary>The "more information" loop: the requester gets an update link; false when they never answered.</summary>
    private static async Task<bool> AskRequesterAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester, LinkDecision decision,
        string updateKey)
    {
        var question = decision.Comment ?? "";
        var link = await run.Context.CallOpenRequesterUpdateAsync(new OpenUpdateCommand(run.RequestId, updateKey, question, decision.Person, run.Now), run.Retry);
        await run.SetStatusAsync(RequestStatus.AwaitingRequesterInfo, "review: more information", "more information requested", question,
            decision.Person);
        var values = new Dictionary<string, string> { ["updateLink"] = link.Url, ["question"] = question };
        await run.EmailAsync($"update|{updateKey}", EmailTemplates.InfoRequest, facts.Language, requester, values);

        var deadline = run.Now + run.Settings.ReviewExpireAfter;
        LinkDecision? answer;
        while (true)
        {
            var waited = await run.WaitForEventOrAdminAsync(WorkflowEvents.RequesterUpdate,
                e => e.StageKey == updateKey, a => a.StageKey == updateKey && a.Action == AdminAction.Resend, deadline);
            answer = waited.Event;
            if (waited.Admin is null) break;
            await run.EmailAsync($"resend|{waited.Admin.At.UtcTicks}|{updateKey}", EmailTemplates.InfoRequest, facts.Language, requester, values);
            await run.RecordAsync("update email resent", $"to {requester.Email}", waited.Admin.Admin);
        }
        if (answer is null)
        {
            await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, updateKey, "expired", run.Now), run.Retry);
            await run.EmailAsync("expired", EmailTemplates.RequestExpired, facts.Language, requester);
            await run.SetStatusAsync(RequestStatus.Expired, "review: more information", "no answer from the requester");
            return false;
        }
        await run.Context.CallAppendAnswerAsync(new AppendAnswerCommand(run.RequestId, updateKey, question,
            decision.Person, decision.At, answer.Comment ?? "", answer.At), run.Retry);
        await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, updateKey,
            "the answer was added to the request", run.Now, EvenIfDecided: true), run.Retry);
        return true;
    }
}
