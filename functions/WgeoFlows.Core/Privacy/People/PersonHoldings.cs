namespace WgeoFlows.Privacy.People;

/// <summary>Everything stored that holds one address (<c>GET /api/admin/people?email=</c>), each kind in the order an admin
/// reads it: requests by id, mails oldest first.</summary>
public sealed record PersonHoldings(
    string Email,
    IReadOnlyList<HeldRequest> Requests,
    IReadOnlyList<HeldPartner> Partners,
    IReadOnlyList<HeldReviewer> Reviewers,
    IReadOnlyList<HeldMail> Mails,
    IReadOnlyList<HeldDeliveryEntry> HeldDeliveries,
    IReadOnlyList<HeldChange> Changes);

/// <summary>A request that holds the address: its record's contact, a link stage or an outbox row of its partition.</summary>
public sealed record HeldRequest(string RequestId, string Status, IReadOnlyList<string> Roles, DateTimeOffset? UpdatedAt);

/// <summary>An outbox row addressed to the person. <paramref name="RequestId"/> is null for a mail about no request (the
/// admin digest, a held-delivery notice, the impact summary), whose <paramref name="Partition"/> names the job.
/// WgeoFlows keeps no mail body: <paramref name="Template"/> and <paramref name="Language"/> say what the mail said.</summary>
public sealed record HeldMail(string? RequestId, string Partition, string MessageKey, string Subject, string Template, string Language,
    string State, DateTimeOffset? CreatedAt, DateTimeOffset? SentAt);

/// <summary>A partner registry entry whose contact address it is.</summary>
public sealed record HeldPartner(string Id, string Name, bool Active, bool Publishable);

/// <summary>A reviewer entry (platform, stage) for the address.</summary>
public sealed record HeldReviewer(string Platform, int Stage, string Email, string Name, string Role);

/// <summary>A signed delivery held for an admin whose mapped contact is the address (cleared once released or discarded).</summary>
public sealed record HeldDeliveryEntry(string Id, string Source, DateTimeOffset ReceivedAt, string State, string? Organization, string? Title);

/// <summary>A change an admin made to a partner or to a platform's reviewers whose values, or whose admin, name the address:
/// <paramref name="Subject"/> is "partner" (<paramref name="SubjectId"/> the partner's id) or "reviewers" (the platform).</summary>
public sealed record HeldChange(string Subject, string SubjectId, string Action, DateTimeOffset At);
