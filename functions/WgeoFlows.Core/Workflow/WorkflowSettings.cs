namespace WgeoFlows.Workflow;

/// <summary>
/// The durations and sizes a workflow runs with, read from configuration once by an activity at its start, so
/// that the orchestrator never reads configuration itself (a replay after a configuration change would diverge).
/// </summary>
public sealed record WorkflowSettings(
    TimeSpan ReviewReminderAfter,
    TimeSpan ReviewEscalateAfter,
    TimeSpan ReviewExpireAfter,
    int CandidatesPerRound,
    int MaxRounds,
    TimeSpan OfferTimeout,
    TimeSpan FollowUpAfter,
    IReadOnlyList<string> AdminEmails,
    string AdminUrl,
    // Null in the history of a run started before emails had their own retry policy: WorkflowRun then uses the defaults.
    EmailRetrySettings? EmailRetry = null);
