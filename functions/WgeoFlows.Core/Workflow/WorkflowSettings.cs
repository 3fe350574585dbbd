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
    EmailRetrySettings? EmailRetry = null,
    // Null in every history so far and from both hosts: WorkflowRun then uses StepRetrySettings.Default. Orchestration tests set
    // it to run the same retries in milliseconds.
    StepRetrySettings? StepRetry = null);
