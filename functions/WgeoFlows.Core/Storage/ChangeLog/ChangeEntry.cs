namespace WgeoFlows.Storage.ChangeLog;

/// <summary>
/// One change an admin made to what matching and review depend on: who (<see cref="Actor"/>, the admin's sign-in name),
/// when, what (<see cref="Subject"/> and <see cref="SubjectId"/>: a partner by id, or one platform's reviewers), how
/// (<see cref="Action"/>), and the values before and after as JSON (null before a creation and after a removal).
/// </summary>
public sealed record ChangeEntry(
    string Subject,
    string SubjectId,
    string Action,
    string Actor,
    DateTimeOffset At,
    string? Before,
    string? After);

/// <summary>The subjects of the change log.</summary>
public static class ChangeSubjects
{
    /// <summary>A partner of the registry; the subject id is the partner's id.</summary>
    public const string Partner = "partner";
    /// <summary>The reviewers of one platform (every stage); the subject id is the platform's id.</summary>
    public const string Reviewers = "reviewers";
}
