using WgeoFlows.Matching;
using WgeoFlows.Reference;
using WgeoFlows.Shared;

namespace WgeoFlows.Review.Reviewers;

/// <summary>The rules of a reviewer list as a whole (what <c>PUT /api/admin/reviewers</c> replaces). Pure.</summary>
public static class ReviewerValidator
{
    /// <summary>Keeps every platform's replacement within one table transaction (100 actions, old rows deleted included).</summary>
    public const int MaxPerPlatform = 50;
    public const int MaxNameLength = 200;

    /// <returns>Every problem, each naming the entry by its index in the list; empty when the list is valid.</returns>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Reviewer?> reviewers)
    {
        var errors = new List<string>();
        var seen = new HashSet<(string, int, string)>();
        for (var i = 0; i < reviewers.Count; i++)
        {
            var r = reviewers[i];
            var at = $"reviewers[{i}]";
            if (r is null)
            {
                errors.Add($"{at}: is empty.");
                continue;
            }
            if (!Taxonomy.IsPlatform(r.Platform)) errors.Add($"{at}.platform: {Echo.Quoted(r.Platform)} is not a platform.");
            if (r.Stage < 1) errors.Add($"{at}.stage: must be 1 or more.");
            if (!EmailAddresses.IsValid(r.Email)) errors.Add($"{at}.email: {Echo.Quoted(r.Email)} is not an email address.");
            if (string.IsNullOrWhiteSpace(r.Name)) errors.Add($"{at}.name: is required.");
            else if (r.Name.Length > MaxNameLength) errors.Add($"{at}.name: must be at most {MaxNameLength} characters.");
            if (!Enum.IsDefined(r.Role)) errors.Add($"{at}.role: must be primary or backup.");
            if (r.Email is not null && !seen.Add((r.Platform, r.Stage, EmailAddresses.Normalize(r.Email))))
            {
                errors.Add($"{at}: {Echo.Quoted(r.Email)} is listed twice for {r.Platform} stage {r.Stage}.");
            }
        }

        var valid = reviewers.OfType<Reviewer>().ToList();
        foreach (var platform in valid.GroupBy(r => r.Platform))
        {
            if (platform.Count() > MaxPerPlatform)
            {
                errors.Add($"{platform.Key}: at most {MaxPerPlatform} reviewers per platform.");
            }
            foreach (var stage in platform.GroupBy(r => r.Stage).Where(s => s.All(r => r.Role != ReviewerRole.Primary)))
            {
                errors.Add($"{platform.Key}: stage {stage.Key} has reviewers but no primary reviewer.");
            }
        }
        return errors;
    }
}
