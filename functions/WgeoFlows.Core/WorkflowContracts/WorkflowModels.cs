using System.Text.Json.Serialization;

namespace WgeoFlows.WorkflowContracts;

/// <summary>The orchestration's input: everything else is read by activities, so that the history stays small.
/// <see cref="Attempt"/> counts admin restarts (0 for the first run): it keeps a restarted run's link stages and
/// their emails apart from the failed run's. <see cref="AwaitConfirmation"/>: a request from a public door, which waits for its
/// requester's confirmation before anything else (false in the history of every run started before confirmations existed,
/// which therefore replays as it ran).</summary>
public sealed record RequestWorkflowInput(string RequestId, int Attempt = 0, bool AwaitConfirmation = false);

public sealed record RequestWorkflowResult(string RequestId, RequestStatus FinalStatus);

/// <summary>The orchestration's custom status: what an admin sees next to the runtime status.</summary>
/// <remarks>Named explicitly: Durable's own serializer writes it, and admins read it beside the app's camelCase JSON.</remarks>
public sealed record WorkflowCustomStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("since")] DateTimeOffset Since);

public sealed record StatusChange(string RequestId, RequestStatus Status, string Actor, string Action, string? Detail, DateTimeOffset At);

/// <summary>One line of a request's history. <see cref="Key"/> is deterministic for the event it records, so that a
/// retried activity rewrites the same row instead of adding a second one.</summary>
public sealed record TimelineEntry(string RequestId, string Key, string Actor, string Action, string? Detail, DateTimeOffset At);
