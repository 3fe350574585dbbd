namespace WgeoFlows.WorkflowContracts;

/// <summary>A link to a decision page for one person.</summary>
/// <remarks>Shared, so it stays here rather than beside one activity: the review and requester-update activities (Review), the
/// offer and follow-up activities (Matching) all return it, and the orchestrator mails it the same way for each. Stored as JSON
/// in orchestration histories: add optional members only, never rename or remove one.</remarks>
public sealed record PersonLink(string Email, string Name, string Url);
