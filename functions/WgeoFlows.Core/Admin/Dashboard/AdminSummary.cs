using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Workflow;

namespace WgeoFlows.Admin.Dashboard;

/// <summary>What the dashboard's header and the daily digest show (GET /api/admin/summary). <see cref="Warnings"/>: what stops
/// requests and needs an admin first (platforms without a reviewer, or whose reviewers' mails bounce); null when not read.</summary>
public sealed record AdminSummary(
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<RequestStatus, long> Counts,
    IReadOnlyList<StageWait> Waiting,
    IReadOnlyList<WeekCount> PerWeek,
    IReadOnlyList<PlatformCount> PerPlatform,
    IReadOnlyList<AdminFlag> Flagged,
    IReadOnlyList<AdminIndexItem> Failures,
    IReadOnlyList<AdminWarning>? Warnings = null);

/// <summary>A stage, how many requests are in it, and the one waiting longest, with its age against the service level.</summary>
public sealed record StageWait(RequestStatus Status, long Count, WaitingRequest? Oldest, double? AgeSeconds, double? ServiceLevelSeconds, string State);

public sealed record PlatformCount(string Platform, string Label, long Count);
