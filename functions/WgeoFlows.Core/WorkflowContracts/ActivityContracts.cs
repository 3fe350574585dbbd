using WgeoFlows.Shared;
using WgeoFlows.Workflow;

namespace WgeoFlows.WorkflowContracts;

// Inputs and outputs of the activities the orchestrator calls. They are stored in the orchestration history:
// add optional members only, never rename or remove one while requests are in flight.

/// <summary>A status change. <see cref="Previous"/> is what the orchestrator left, so the admin index can move the row.</summary>
public sealed record RecordStatusCommand(string RequestId, RequestStatus Status, RequestStatus? Previous, string EventKey,
    string Actor, string Action, string? Detail, DateTimeOffset At) : IHasRequestId;

public sealed record RecordTimelineCommand(string RequestId, string EventKey, string Actor, string Action, string? Detail, DateTimeOffset At)
    : IHasRequestId;

public sealed record ScreeningOutcome(bool Eligible, IReadOnlyList<string> Reasons);

/// <summary>A link to a decision page for one person.</summary>
public sealed record PersonLink(string Email, string Name, string Url);

/// <summary>Opens review stage <see cref="StageNumber"/> (1-based), round <see cref="Round"/>, for its primary reviewers,
/// or for its backup reviewers when <see cref="Backup"/> is set (escalation: the primaries' links stay valid), or for
/// <see cref="Reviewer"/> alone when an admin reassigned the stage. <see cref="Attempt"/> is the run's restart count.</summary>
public sealed record OpenReviewCommand(string RequestId, int StageNumber, int Round, bool Backup, DateTimeOffset At, int Attempt = 0,
    string? Reviewer = null) : IHasRequestId;

public sealed record OpenedReview(string StageKey, string StageTitle, int StageCount, IReadOnlyList<PersonLink> Links, string PrimaryNames);

public sealed record OpenUpdateCommand(string RequestId, string StageKey, string Question, string AskedBy, DateTimeOffset At) : IHasRequestId;

public sealed record AppendAnswerCommand(string RequestId, string StageKey, string Question, string AskedBy, DateTimeOffset AskedAt,
    string Answer, DateTimeOffset AnsweredAt) : IHasRequestId;

/// <summary>Closes a link stage. <see cref="EvenIfDecided"/> also marks a decided stage as over (superseded by a newer
/// round), so that its links answer "gone" rather than offering the old decision again.</summary>
public sealed record CloseStageCommand(string RequestId, string StageKey, string Reason, DateTimeOffset At, bool EvenIfDecided = false)
    : IHasRequestId;

public sealed record RankedPartner(string PartnerId, string Name, string Email, string Country, double Score);

/// <summary>The ranking for one request: <see cref="Candidates"/> for one-to-one offers, or, when triangular cooperation is
/// proposed and both of its sides have candidates, <see cref="Triangle"/> instead. <see cref="Note"/> says why a proposed
/// triangle could not be formed.</summary>
public sealed record RankedPartners(IReadOnlyList<RankedPartner> Candidates, TriangularCandidates? Triangle = null,
    string? Note = null);

/// <summary><see cref="Side"/> names the side of a triangular cooperation the offers are for (null: one-to-one offers).</summary>
public sealed record OpenOffersCommand(string RequestId, int Round, IReadOnlyList<string> PartnerIds, DateTimeOffset At, string? Side = null)
    : IHasRequestId;

public sealed record OpenedOffer(string PartnerId, string StageKey, PersonLink Link, string PartnerName);

public sealed record OpenedOffers(IReadOnlyList<OpenedOffer> Offers);

/// <summary>Takes one unit of the partner's capacity for this request. <see cref="Force"/> is an admin's manual match, which may exceed it.</summary>
public sealed record ReserveCapacityCommand(string RequestId, string PartnerId, bool Force) : IHasRequestId;

public sealed record Reservation(bool Reserved, RankedPartner? Partner);

public sealed record ReleaseCapacityCommand(string RequestId, string PartnerId) : IHasRequestId;

/// <summary>Raised by an admin (POST /api/admin/requests/{id}/resend|reassign) for the stage <see cref="StageKey"/> that was open
/// when they acted; the orchestration ignores it when that stage is over. <see cref="Reviewer"/> is the reassign's new reviewer.</summary>
public sealed record AdminActionEvent(AdminAction Action, string StageKey, string Admin, DateTimeOffset At, string? Reviewer = null);

/// <summary>Raised by an admin (POST /api/admin/requests/{id}/match) for a request that needs a manual match.</summary>
public sealed record AdminMatchEvent(string PartnerId, string Admin, DateTimeOffset At);
