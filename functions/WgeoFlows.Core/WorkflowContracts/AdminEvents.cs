namespace WgeoFlows.WorkflowContracts;

// The payloads of the admins' events (WorkflowEvents): raised by the admin API (Admin) and awaited by the orchestrator (Workflow),
// so they live here, where both can see them. Stored as JSON in orchestration histories: add optional members only, never rename
// or remove one.

/// <summary>Raised by an admin (POST /api/admin/requests/{id}/resend|reassign) for the stage <see cref="StageKey"/> that was open
/// when they acted; the orchestration ignores it when that stage is over. <see cref="Reviewer"/> is the reassign's new reviewer;
/// null on a reassign means the platform's registered reviewers (a request that waited for a platform to have one).</summary>
public sealed record AdminActionEvent(AdminAction Action, string StageKey, string Admin, DateTimeOffset At, string? Reviewer = null);

/// <summary>Raised by an admin (POST /api/admin/requests/{id}/match) for a request that needs a manual match.</summary>
public sealed record AdminMatchEvent(string PartnerId, string Admin, DateTimeOffset At);
