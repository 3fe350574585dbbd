using WgeoFlows.Privacy.Erasure;

namespace WgeoFlows.Privacy.Audit;

/// <summary>
/// One entry of the privacy audit (GET /api/admin/audit): who acted (the admin's sign-in name, or "retention" for the
/// scheduled job), when, what (<see cref="AuditActions"/>), why (the reason given, with the erased person's name and
/// addresses taken out), the requests concerned by id, and how much was erased. Never the erased person's data.
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Reason,
    IReadOnlyList<string> RequestIds,
    ErasureCounts Erased);

/// <summary>The kinds of audit entry.</summary>
public static class AuditActions
{
    /// <summary>POST /api/admin/requests/{id}/erase.</summary>
    public const string EraseRequest = "erase-request";
    /// <summary>POST /api/admin/people/erase: every request of one person, one entry.</summary>
    public const string ErasePerson = "erase-person";
    /// <summary>The retention job erased a request whose final status is older than Privacy:RetainFor.</summary>
    public const string Retention = "retention";
    /// <summary>The retention job replaced removed partners' and reviewers' addresses by their roles in finished requests.</summary>
    public const string RemovedContacts = "removed-contacts";
}
