using Microsoft.DurableTask;
using WgeoFlows.Intake;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Review;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow;

/// <summary>
/// One orchestration per request (instance id = request id): screening, review, matching, introduction, follow-up.
/// Deterministic by construction: no I/O, no clock but the context's, all effects through activities.
/// </summary>
public static class RequestWorkflow
{
    // The first step writes to storage (timeline, admin index), which may be briefly away: it is retried like every step
    // (a storage outage used to fail a request here, before it had even begun). A request without a record is final:
    // BeginRequest says so with an InvalidOperationException, and no retry brings the record back.
    private static readonly TaskOptions BeginRetry = WorkflowRun.StepRetry(failure => !failure.IsCausedBy<InvalidOperationException>());

    public static async Task<RequestWorkflowResult> RunAsync(TaskOrchestrationContext context, RequestWorkflowInput input)
    {
        var (settings, facts) = await context.CallBeginRequestAsync(input.RequestId, BeginRetry);
        var run = new WorkflowRun(context, input.RequestId, settings, input.Attempt);
        try
        {
            return await RunStagesAsync(run, facts, input);
        }
        catch (TaskFailedException failure)
        {
            // An activity failed for good (its retries spent). Say so where admins look — status, timeline, admin index,
            // dashboard, digest — then fail the orchestration, so that its failure details stay for the detail view and
            // for an admin's restart.
            await run.SetStatusAsync(RequestStatus.Failed, "failed", $"activity {failure.TaskName} failed",
                failure.FailureDetails.ErrorMessage);
            throw;
        }
    }

    private static async Task<RequestWorkflowResult> RunStagesAsync(WorkflowRun run, RequestFacts facts, RequestWorkflowInput input)
    {
        var requester = new EmailRecipient(facts.ContactEmail, facts.ContactName);

        // Only for runs started with the flag (new instances from a public door): older histories replay as they ran.
        if (input.AwaitConfirmation && !await ConfirmationStep.RunAsync(run, facts))
        {
            return new RequestWorkflowResult(input.RequestId, run.Status);
        }

        await run.SetStatusAsync(RequestStatus.Screening, "screening", "screening started");
        await run.EmailAsync("ack", "acknowledgement", facts.Language, requester,
            new Dictionary<string, string> { ["statusUrl"] = facts.StatusUrl });

        var screening = await run.Context.CallScreenRequestAsync(input.RequestId, run.Retry);
        if (!screening.Eligible)
        {
            var reasons = string.Join('\n', screening.Reasons);
            await run.EmailAsync("screening-rejected", "screening-rejected", facts.Language, requester,
                new Dictionary<string, string> { ["reasons"] = reasons });
            await run.SetStatusAsync(RequestStatus.Rejected, "screening", "not eligible", reasons);
            return new RequestWorkflowResult(input.RequestId, run.Status);
        }

        var review = await ReviewStep.RunAsync(run, facts, requester);
        if (review != ReviewOutcome.Approved)
        {
            return new RequestWorkflowResult(input.RequestId, run.Status);
        }

        var matched = await MatchingStep.RunAsync(run, facts, requester);
        await FollowUpStep.RunAsync(run, facts, requester, matched);
        return new RequestWorkflowResult(input.RequestId, run.Status);
    }
}

/// <summary>What the orchestrator needs to know about the request to address people; loaded once by an activity.</summary>
public sealed record RequestFacts(string RequestId, string Platform, string ContactName, string ContactEmail, string Language,
    string StatusUrl);
