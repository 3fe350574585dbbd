using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Links;
using WgeoFlows.Shared;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;

namespace WgeoFlows.Intake.Submissions;

/// <summary>
/// Accepts a validated submission exactly once, whatever the number and timing of its deliveries, with one table write
/// on the request path (ADR 0006): the inbox row is the claim and the whole submission at once. The dispatcher then
/// stores the attachments and the record and starts the orchestration, off the path. A crash at any point either
/// leaves nothing (the write did not happen: the sender delivers again) or leaves the row, which the sweep dispatches.
/// </summary>
public sealed class SubmissionIntake(
    SubmissionInbox inbox,
    AttachmentStore attachments,
    DispatchQueue dispatch,
    ConfirmationQuota quota,
    LinkIssuer links,
    TimeProvider clock,
    ILogger<SubmissionIntake> logger)
{
    /// <param name="awaitConfirmation">The request starts <see cref="RequestStatus.AwaitingConfirmation"/>: its one mail is
    /// the confirmation, and a new submission first takes one of its contact address's confirmation slots of the day
    /// (<see cref="ConfirmationQuota"/>); with none left it is refused (429) and nothing is stored.</param>
    public async Task<IntakeOutcome> AcceptAsync(ValidSubmission submission, string fingerprint, bool awaitConfirmation, DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var requestId = RequestIds.For(submission.SubmissionId);
        using var operation = RequestOperation.Start(logger, "intake", requestId);
        IReadOnlyList<string> uploaded = [];
        // Decided before anything is stored: a full dispatch queue means the host is behind, so the sender delivers later.
        if (!dispatch.TryReserve())
        {
            logger.LogWarning("Intake of {RequestId} refused: {Waiting} submissions already wait for their dispatch", requestId, dispatch.Waiting);
            return QueueFull();
        }
        var enqueued = false;
        dispatch.DeliveryStarted();
        try
        {
            var pending = PendingSubmission.From(submission, requestId, fingerprint, clock.GetUtcNow(), awaitConfirmation);
            if (awaitConfirmation)
            {
                // A delivery of a submission already claimed is answered as before and takes no slot.
                if (await inbox.GetAsync(requestId, cancellationToken) is not null)
                {
                    return await AnswerEarlierDeliveryAsync(submission, fingerprint, requestId, [], awaitConfirmation, cancellationToken);
                }
                if (await quota.TryTakeAsync(submission.Contact.Email, cancellationToken) is { } retryAfter)
                {
                    logger.LogInformation("Refused {RequestId}: its contact address has had its confirmation mails for today", requestId);
                    return new IntakeOutcome.Limited(
                        "This email address has received as many confirmation emails today as it may. Please try again tomorrow.", retryAfter);
                }
            }
            if (pending.UploadsBeforeClaim)
            {
                uploaded = await UploadBeforeClaimAsync(submission, pending.Request.Attachments, cancellationToken);
            }
            if (await inbox.TryAddAsync(pending, cancellationToken))
            {
                dispatch.Enqueue(pending, durable);
                enqueued = true;
                return Accepted(submission, requestId, duplicate: false, awaitConfirmation);
            }
            return await AnswerEarlierDeliveryAsync(submission, fingerprint, requestId, uploaded, awaitConfirmation, cancellationToken);
        }
        catch (Exception e) when ((TransientFaults.IsTransient(e) || e is Azure.RequestFailedException) && !cancellationToken.IsCancellationRequested)
        {
            // Any storage failure, transient or not (a refused write, a missing table): the sender is told to deliver again,
            // never the storage's own message. The insert is atomic, so nothing half-written is left.
            operation.Fail(e);
            logger.LogWarning(e, "Intake of {RequestId} interrupted: storage did not answer or refused the write", requestId);
            return new IntakeOutcome.Unavailable("Storage is not answering right now. Nothing was lost: please deliver the submission again.",
                TimeSpan.FromSeconds(5));
        }
        finally
        {
            if (!enqueued) dispatch.CancelReservation();
            dispatch.DeliveryEnded();
        }
    }

    /// <summary>The answer of every door while the dispatch queue is full: nothing was stored, deliver again later.</summary>
    public static IntakeOutcome.Unavailable QueueFull() =>
        new("Too many submissions are waiting to be started. Nothing was stored: please deliver the submission again later.",
            DispatchQueue.RetryAfter);

    private async Task<IReadOnlyList<string>> UploadBeforeClaimAsync(ValidSubmission submission, IReadOnlyList<StoredAttachment> names,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < names.Count; i++)
        {
            await attachments.UploadAsync(names[i].BlobName, names[i].ContentType, submission.Attachments[i].Content, cancellationToken);
        }
        return names.Select(n => n.BlobName).ToList();
    }

    /// <summary>The request id was claimed before: by an earlier delivery of this body (a duplicate, answered as such
    /// whether or not its dispatch has run yet) or of another body under the same submission id (a conflict).</summary>
    private async Task<IntakeOutcome> AnswerEarlierDeliveryAsync(ValidSubmission submission, string fingerprint, string requestId,
        IReadOnlyList<string> uploaded, bool awaitConfirmation, CancellationToken cancellationToken)
    {
        var existing = await inbox.GetAsync(requestId, cancellationToken)
            ?? throw new InvalidOperationException($"The inbox row of {requestId} refused an insert but cannot be read.");
        if (existing.Fingerprint == fingerprint && existing.SubmissionId == submission.SubmissionId)
        {
            return Accepted(submission, requestId, duplicate: true, awaitConfirmation);
        }
        await attachments.TryDeleteAsync(uploaded, cancellationToken);
        var detail = existing.SubmissionId == submission.SubmissionId
            ? $"The submission {submission.SubmissionId} was already accepted with a different body (request {requestId})."
            : $"The submission {submission.SubmissionId} maps to request {requestId}, which another submission already holds.";
        return new IntakeOutcome.Conflict(requestId, detail);
    }

    /// <summary>The answer to an accepted delivery; its status link opens in the requester's language.</summary>
    private IntakeOutcome.Accepted Accepted(ValidSubmission submission, string requestId, bool duplicate, bool awaitConfirmation) =>
        new(requestId, links.StatusUrl(requestId, submission.Contact.Language), duplicate,
            (awaitConfirmation ? RequestStatus.AwaitingConfirmation : RequestStatus.Received).ToString());
}
