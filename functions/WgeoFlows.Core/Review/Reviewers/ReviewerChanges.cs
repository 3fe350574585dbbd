using System.Text.Json;
using WgeoFlows.Shared;
using WgeoFlows.Storage.ChangeLog;

namespace WgeoFlows.Review.Reviewers;

/// <summary>One platform's reviewers before and after a save, as the change log keeps them.</summary>
public sealed record ReviewerChange(string Platform, string Action, string? Before, string? After);

/// <summary>What a save of the reviewer list changed, one entry per platform whose reviewers differ. Pure.</summary>
public static class ReviewerChanges
{
    /// <summary>The platform had no reviewer and now has some.</summary>
    public const string Added = "added";
    /// <summary>The platform had reviewers and now has none.</summary>
    public const string Removed = "removed";
    /// <summary>The platform's reviewers differ in someone, a name, a role or a stage.</summary>
    public const string Changed = "changed";

    public static IReadOnlyList<ReviewerChange> Between(IEnumerable<Reviewer> before, IEnumerable<Reviewer> after)
    {
        var old = before.ToLookup(r => r.Platform, StringComparer.Ordinal);
        var now = after.ToLookup(r => r.Platform, StringComparer.Ordinal);
        var changes = new List<ReviewerChange>();
        foreach (var platform in old.Select(g => g.Key).Union(now.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = Json(old[platform]);
            var becomes = Json(now[platform]);
            if (was == becomes) continue;
            var action = was is null ? Added : becomes is null ? Removed : Changed;
            changes.Add(new ReviewerChange(platform, action, was, becomes));
        }
        return changes;
    }

    /// <summary>The change as a change-log entry of subject <see cref="ChangeSubjects.Reviewers"/>.</summary>
    public static ChangeEntry ToEntry(ReviewerChange change, string actor, DateTimeOffset at) =>
        new(ChangeSubjects.Reviewers, change.Platform, change.Action, actor, at, change.Before, change.After);

    /// <summary>The platform's reviewers in one order (stage, role, email), so that an unchanged list gives the same text;
    /// null when there are none.</summary>
    private static string? Json(IEnumerable<Reviewer> reviewers)
    {
        var list = reviewers.OrderBy(r => r.Stage).ThenBy(r => r.Role).ThenBy(r => EmailAddresses.Normalize(r.Email), StringComparer.Ordinal)
            .Select(r => new ReviewerEntry(r.Stage, EmailAddresses.Normalize(r.Email), r.Name.Trim(), r.Role.ToString().ToLowerInvariant()))
            .ToList();
        return list.Count == 0 ? null : JsonSerializer.Serialize(list, WgeoJson.Options);
    }

    private sealed record ReviewerEntry(int Stage, string Email, string Name, string Role);
}
