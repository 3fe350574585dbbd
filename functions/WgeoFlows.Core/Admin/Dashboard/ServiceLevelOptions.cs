using WgeoFlows.Workflow;

namespace WgeoFlows.Admin.Dashboard;

/// <summary>
/// <c>Admin:ServiceLevel:{Status}</c> (TimeSpan): how long a request may wait in a stage before the dashboard shows it
/// as late. A stage is "ok" up to three quarters of its level, "due soon" up to the level, "late" past it.
/// </summary>
public sealed class ServiceLevelOptions
{
    public const string Section = "Admin";

    public Dictionary<RequestStatus, TimeSpan> ServiceLevel { get; set; } = new()
    {
        [RequestStatus.Received] = TimeSpan.FromMinutes(15),
        [RequestStatus.Screening] = TimeSpan.FromHours(1),
        [RequestStatus.InReview] = TimeSpan.FromDays(7),
        [RequestStatus.AwaitingRequesterInfo] = TimeSpan.FromDays(14),
        [RequestStatus.Matching] = TimeSpan.FromHours(1),
        [RequestStatus.AwaitingPartner] = TimeSpan.FromDays(5),
        [RequestStatus.NeedsManualMatch] = TimeSpan.FromDays(3),
        [RequestStatus.Matched] = TimeSpan.FromDays(1),
        [RequestStatus.FollowUp] = TimeSpan.FromDays(100),
        // It expires by itself after Intake:ConfirmWithin (2 days): still waiting a day later means the timer did not fire.
        [RequestStatus.AwaitingConfirmation] = TimeSpan.FromDays(3),
    };

    /// <summary>The stages a request waits in; the final statuses have no service level.</summary>
    public static IReadOnlyList<RequestStatus> WaitingStatuses { get; } =
        Enum.GetValues<RequestStatus>().Where(s => !s.IsFinal()).ToList();

    public TimeSpan? LevelOf(RequestStatus status) => ServiceLevel.TryGetValue(status, out var level) && level > TimeSpan.Zero ? level : null;

    public static string StateOf(TimeSpan age, TimeSpan? level) => level switch
    {
        null => "none",
        { } l when age > l => "late",
        { } l when age > l * 0.75 => "due-soon",
        _ => "ok",
    };
}
