using Azure;

namespace WgeoFlows.Intake.Submissions;

/// <summary>
/// The dedupe record of one form submission. The first delivery adds it and holds its lease while it stores the
/// request and starts the orchestration; later deliveries answer once that orchestration exists, or take the lease
/// over once it has run out (the first delivery crashed or failed), so a submission is never lost and never doubled.
/// </summary>
public sealed record SubmissionClaim(string SubmissionId, string RequestId, string Fingerprint,
    DateTimeOffset ClaimedAt, DateTimeOffset LeaseUntil, ETag ETag);
