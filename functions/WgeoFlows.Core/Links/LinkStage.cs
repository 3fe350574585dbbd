namespace WgeoFlows.Links;

/// <summary>
/// One decision point that emailed links lead to: a review stage round, a requester update, one partner's offer.
/// Open until the first decision (which wins) or until the workflow closes it (expiry, reassignment, cancellation).
/// </summary>
public sealed record LinkStage(
    string RequestId,
    string StageKey,
    LinkKind Kind,
    string Title,
    IReadOnlyList<string> Persons,
    DateTimeOffset OpenedAt,
    string? Question,
    LinkDecision? Decision,
    string? ClosedReason,
    DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Decision is null && ClosedReason is null;

    public bool Allows(string person) => Persons.Contains(person, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A decision taken on a link page; also the payload of the event raised to the orchestration.</summary>
public sealed record LinkDecision(string StageKey, string Person, string Decision, string? Comment, DateTimeOffset At);
