namespace WgeoFlows.Domain;

/// <summary>The statuses of the public contract (docs/integrators.md), in workflow order. The names are public: never rename one.</summary>
public enum RequestStatus
{
    Received,
    Screening,
    InReview,
    AwaitingRequesterInfo,
    Matching,
    AwaitingPartner,
    NeedsManualMatch,
    Matched,
    FollowUp,
    Closed,
    Rejected,
    Expired,
    Failed,
    Cancelled,
    /// <summary>A request from a public door (the form, Typeform) whose requester has not yet confirmed their address from
    /// the confirmation mail. Last in the enum, not first, so that no earlier status changes its number in a history.</summary>
    AwaitingConfirmation,
}

public static class RequestStatusExtensions
{
    /// <summary>A request in one of these statuses will not change again by itself.</summary>
    public static bool IsFinal(this RequestStatus status) =>
        status is RequestStatus.Closed or RequestStatus.Rejected or RequestStatus.Expired
            or RequestStatus.Failed or RequestStatus.Cancelled;
}
