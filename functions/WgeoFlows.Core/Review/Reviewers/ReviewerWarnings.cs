using WgeoFlows.Reference;

namespace WgeoFlows.Review.Reviewers;

/// <summary>Something about a platform's reviewers that stops its requests: the dashboard shows it in red at the top.</summary>
/// <param name="Kind"><see cref="ReviewerWarnings.NoPrimaryReviewer"/> or <see cref="ReviewerWarnings.MailsBounced"/>.</param>
/// <param name="Platform">The platform's id; <paramref name="Label"/> its English name.</param>
public sealed record AdminWarning(string Kind, string Platform, string Label, string Message);

/// <summary>
/// The platforms whose requests cannot be reviewed as they come: a platform with no primary reviewer (its requests wait in
/// review for an admin), and one whose primary reviewers' last mails all bounced. Two storage reads: the reviewers (a few
/// rows a platform) and the bounced addresses (a row per address whose last mail did not arrive).
/// </summary>
public sealed class ReviewerWarnings(ReviewerStore reviewers, BouncedAddresses bounced)
{
    public const string NoPrimaryReviewer = "no-primary-reviewer";
    public const string MailsBounced = "reviewer-mails-bounced";

    public async Task<IReadOnlyList<AdminWarning>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var primaries = (await reviewers.ListAllAsync(cancellationToken)).Where(r => r.Role == ReviewerRole.Primary).ToList();
        var undelivered = await bounced.WhichBouncedAsync(primaries.Select(r => r.Email), cancellationToken);
        return Of(primaries, undelivered);
    }

    /// <summary>The warnings, in the taxonomy's order of platforms, given the primary reviewers and the addresses that bounced. Pure.</summary>
    public static IReadOnlyList<AdminWarning> Of(IReadOnlyList<Reviewer> primaries, IReadOnlySet<string> undelivered)
    {
        var warnings = new List<AdminWarning>();
        foreach (var platform in Taxonomy.Platforms)
        {
            var label = Taxonomy.Label(Taxonomy.Platforms, platform.Id, "en");
            var own = primaries.Where(r => r.Platform == platform.Id && r.Role == ReviewerRole.Primary).ToList();
            if (own.Count == 0)
            {
                warnings.Add(new AdminWarning(NoPrimaryReviewer, platform.Id, label,
                    $"The platform {label} has no primary reviewer: its requests wait in review until one is added."));
            }
            else if (own.All(r => undelivered.Contains(r.Email)))
            {
                warnings.Add(new AdminWarning(MailsBounced, platform.Id, label, own.Count == 1
                    ? $"The platform {label} has one primary reviewer, and mails to them bounced: check the address."
                    : $"The platform {label}: mails to all {own.Count} of its primary reviewers bounced: check their addresses."));
            }
        }
        return warnings;
    }
}
