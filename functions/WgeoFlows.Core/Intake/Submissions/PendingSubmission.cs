using WgeoFlows.Workflow;

namespace WgeoFlows.Intake.Submissions;

/// <summary>
/// An accepted submission as the webhook stores it in its one write (<see cref="SubmissionInbox"/>): the request record
/// as it will be, and the attachments it has not uploaded yet. The dispatcher turns it into blobs, the request record
/// and a started orchestration.
/// </summary>
public sealed record PendingSubmission(SupportRequest Request, string Fingerprint, IReadOnlyList<InlineAttachment> Inline)
{
    public string RequestId => Request.RequestId;
    public string SubmissionId => Request.SubmissionId;
    /// <summary>When the webhook accepted it: the record's submission time.</summary>
    public DateTimeOffset ReceivedAt => Request.SubmittedAt;

    /// <summary>The row as the dispatcher will need it. Attachments that fit (<see cref="SubmissionInbox.InlineBudgetBytes"/>
    /// in all) travel inline and are uploaded by the dispatcher; larger ones must be uploaded before the claim, under names
    /// of their own body (<see cref="AttachmentStore.PreClaimBlobName"/>), and <see cref="Inline"/> is then empty.</summary>
    public static PendingSubmission From(ValidSubmission submission, string requestId, string fingerprint, DateTimeOffset now,
        bool awaitConfirmation = false)
    {
        var inline = submission.Attachments.Sum(a => a.Size) <= SubmissionInbox.InlineBudgetBytes;
        var stored = submission.Attachments.Select((a, i) => new StoredAttachment(a.FileName, a.ContentType, a.Size,
            inline ? AttachmentStore.BlobName(requestId, i, a.FileName) : AttachmentStore.PreClaimBlobName(requestId, fingerprint, i, a.FileName)))
            .ToList();
        IReadOnlyList<InlineAttachment> inlined = inline
            ? submission.Attachments.Select((a, i) => new InlineAttachment(stored[i].BlobName, a.ContentType, a.Content)).ToList()
            : [];
        var request = submission.ToSupportRequest(requestId, now, stored);
        if (awaitConfirmation) request = request with { Status = RequestStatus.AwaitingConfirmation };
        return new PendingSubmission(request, fingerprint, inlined);
    }

    /// <summary>True when the attachments are too large to travel inline and must be uploaded before the row is added.</summary>
    public bool UploadsBeforeClaim => Inline.Count == 0 && Request.Attachments.Count > 0;
}

/// <summary>An attachment kept in the inbox row until the dispatcher uploads it to <paramref name="BlobName"/>.</summary>
public sealed record InlineAttachment(string BlobName, string ContentType, byte[] Content);

/// <summary>What the inbox knows of a submission id's request id: who claimed it, with which body, and whether its
/// dispatch is still to do (<paramref name="Pending"/> is null once it is done).</summary>
public sealed record InboxEntry(string RequestId, string SubmissionId, string Fingerprint, DateTimeOffset ReceivedAt, PendingSubmission? Pending);
