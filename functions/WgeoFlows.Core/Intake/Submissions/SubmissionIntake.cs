using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using WgeoFlows.Links;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;

namespace WgeoFlows.Intake.Submissions;

/// <summary>
/// Accepts a validated submission exactly once, whatever the number and timing of its deliveries, and whatever
/// crashes in between: every step is idempotent and keyed by the submission's deterministic request id.
/// </summary>
public sealed class SubmissionIntake(
    SubmissionStore submissions,
    AttachmentStore attachments,
    RequestStore requests,
    LinkIssuer links,
    TimeProvider clock,
    ILogger<SubmissionIntake> logger)
{
    private static readonly TimeSpan WaitForOtherDelivery = TimeSpan.FromSeconds(10);

    public async Task<IntakeOutcome> AcceptAsync(ValidSubmission submission, string fingerprint, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var requestId = RequestIds.For(submission.SubmissionId);
        using var operation = RequestOperation.Start(logger, "intake", requestId);
        SubmissionClaim? claim = null;
        try
        {
            var now = clock.GetUtcNow();
            claim = await submissions.TryAddAsync(submission.SubmissionId, requestId, fingerprint, now, cancellationToken);
            var duplicate = claim is null;
            if (claim is null)
            {
                var (answer, takenOver) = await FollowExistingAsync(submission.SubmissionId, fingerprint, durable, cancellationToken);
                if (answer is not null) return answer;
                claim = takenOver;
            }
            await CompleteAsync(submission, claim!, firstClaim: !duplicate, durable, cancellationToken);
            return Accepted(claim!.RequestId, duplicate);
        }
        catch (Exception e) when (TransientFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            operation.Fail(e);
            logger.LogWarning(e, "Intake of {RequestId} interrupted: storage or the orchestration backend did not answer", requestId);
            if (claim is not null) await TryReleaseAsync(claim);
            return new IntakeOutcome.Unavailable("Storage is not answering right now. Nothing was lost: please deliver the submission again.",
                TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Another delivery claimed this submission: answer as it did once its orchestration exists, wait for it, or
    /// take over from it if its lease ran out (it crashed or failed).</summary>
    private async Task<(IntakeOutcome? Answer, SubmissionClaim? TakenOver)> FollowExistingAsync(string submissionId, string fingerprint,
        DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + WaitForOtherDelivery;
        while (true)
        {
            var existing = await submissions.GetAsync(submissionId, cancellationToken)
                ?? throw new InvalidOperationException($"The claim of submission {submissionId} vanished.");
            if (existing.Fingerprint != fingerprint)
            {
                return (new IntakeOutcome.Conflict(existing.RequestId,
                    $"The submission {submissionId} was already accepted with a different body (request {existing.RequestId})."), null);
            }
            // The orchestration's existence is the mark of a finished intake: it is started last, after the record.
            if (await durable.GetInstanceAsync(existing.RequestId, cancellationToken) is not null)
            {
                return (Accepted(existing.RequestId, duplicate: true), null);
            }
            var now = clock.GetUtcNow();
            if (existing.LeaseUntil <= now)
            {
                var taken = await submissions.TryTakeOverAsync(existing, now, cancellationToken);
                if (taken is not null) return (null, taken);
            }
            if (now >= deadline)
            {
                return (new IntakeOutcome.Unavailable("This submission is still being stored by an earlier delivery; please deliver it again.",
                    TimeSpan.FromSeconds(5)), null);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }

    /// <summary>Stores the attachments and the record, then starts the orchestration, whose first activity shows the request
    /// in the timeline and the admin index. Each step may already have been done by an earlier, interrupted delivery;
    /// each is written so that doing it again changes nothing.</summary>
    private async Task CompleteAsync(ValidSubmission submission, SubmissionClaim claim, bool firstClaim, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var stored = await attachments.SaveAsync(claim.RequestId, submission.Attachments, cancellationToken);
        var request = submission.ToSupportRequest(claim.RequestId, claim.ClaimedAt, stored) with { UpdatedAt = claim.ClaimedAt };
        await requests.TryAddAsync(request, cancellationToken);

        // A delivery that has just added the claim, and still holds its lease, is the only one that can have got this far:
        // it starts the orchestration without asking first. One that took over an expired claim (or outlived its own lease)
        // asks, since the delivery before it may have started the orchestration already.
        var mayExist = !firstClaim || clock.GetUtcNow() >= claim.LeaseUntil;
        if (mayExist && await durable.GetInstanceAsync(request.RequestId, cancellationToken) is not null) return;
        await durable.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RequestOrchestrator, new RequestWorkflowInput(request.RequestId),
            new StartOrchestrationOptions(InstanceId: request.RequestId), cancellationToken);
    }

    private async Task TryReleaseAsync(SubmissionClaim claim)
    {
        try
        {
            await submissions.ReleaseLeaseAsync(claim, clock.GetUtcNow());
        }
        catch (Exception e) when (TransientFaults.IsTransient(e))
        {
            // Storage is down: the lease runs out by itself and the next delivery takes over.
        }
    }

    private IntakeOutcome.Accepted Accepted(string requestId, bool duplicate) => new(requestId, links.StatusUrl(requestId), duplicate);
}
