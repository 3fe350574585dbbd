namespace WgeoFlows.WorkflowContracts;

/// <summary>A partner as the matching steps carry it: who, where, and the score it was ranked with (0 for a manual match).</summary>
/// <remarks>Shared, so it stays here rather than beside one activity: it is part of the output of two activities (the ranking,
/// and the capacity reservation that confirms an acceptance), and the orchestrator's matching, offer-round and follow-up steps
/// pass it from one to the next. Stored as JSON in orchestration histories: add optional members only, never rename or remove
/// one.</remarks>
/// <param name="Language">The language the partner's mails are written in (the first of its languages that is served);
/// null in histories recorded before partners were written to in their own language, which then means English.</param>
public sealed record RankedPartner(string PartnerId, string Name, string Email, string Country, double Score, string? Language = null);
