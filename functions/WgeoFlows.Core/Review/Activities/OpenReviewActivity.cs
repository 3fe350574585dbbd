using System.Text.Json.Serialization;
using WgeoFlows.Links;
using WgeoFlows.Reference;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Review.Activities;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.

/// <summary>Opens review stage <see cref="StageNumber"/> (1-based), round <see cref="Round"/>, for its primary reviewers,
/// or for its backup reviewers when <see cref="Backup"/> is set (escalation: the primaries' links stay valid), or for
/// <see cref="Reviewer"/> alone when an admin reassigned the stage. <see cref="Attempt"/> is the run's restart count.
/// A round after a reassignment without <see cref="Reviewer"/> opens for the platform's registered primaries again.</summary>
public sealed record OpenReviewCommand(string RequestId, int StageNumber, int Round, bool Backup, DateTimeOffset At, int Attempt = 0,
    string? Reviewer = null) : IHasRequestId;

/// <summary>The opened round. <see cref="WaitsForReviewer"/>: the stage has no primary reviewer, so it opened for nobody
/// (<see cref="Links"/> is empty) and waits for an admin to give it a reviewer; false in histories written before it existed,
/// and left out when false, so that a round with reviewers is written exactly as before.</summary>
public sealed record OpenedReview(string StageKey, string StageTitle, int StageCount, IReadOnlyList<PersonLink> Links, string PrimaryNames,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool WaitsForReviewer = false);

/// <summary>
/// Opens a review stage round for its reviewers and makes their links. The stages of a platform are the distinct
/// stage numbers of its reviewers (default: one). With <see cref="OpenReviewCommand.Backup"/> the backups are added to
/// the same stage (escalation), so the primaries' links keep working and the first decision of anyone wins.
/// A stage with no primary reviewer opens for nobody and raises the flag <see cref="AdminFlagStore.ReviewerMissing"/>, so the
/// request waits where admins look instead of failing; the round that a reviewer then takes on clears it. Idempotent:
/// the stage row is merged and the flag replaced.
/// </summary>
public sealed class OpenReviewActivity(RequestStore requests, ReviewerStore reviewers, LinkStageStore stages, LinkIssuer links,
    AdminFlagStore flags) : IWorkflowActivity<OpenReviewCommand, OpenedReview>
{
    /// <summary>The key of a review stage round; a restarted run (<paramref name="attempt"/> &gt; 0) never reuses the failed run's.</summary>
    public static string StageKeyOf(int stage, int round, int attempt = 0) =>
        attempt == 0 ? $"review-{stage}-r{round}" : $"review-{stage}-r{round}-a{attempt}";

    /// <summary>The key of the requester's update stage asked for from review stage round (<paramref name="stage"/>, <paramref name="round"/>).</summary>
    public static string UpdateKeyOf(int stage, int round, int attempt = 0) =>
        attempt == 0 ? $"update-{stage}-{round}" : $"update-{stage}-{round}-a{attempt}";

    public async Task<OpenedReview> RunAsync(OpenReviewCommand c, CancellationToken cancellationToken = default)
    {
        var request = (await requests.GetAsync(c.RequestId, cancellationToken))?.Request
            ?? throw new InvalidOperationException($"Request {c.RequestId} has no record.");
        var all = await reviewers.ListForPlatformAsync(request.Organization.Platform, cancellationToken);
        var stageNumbers = all.Select(r => r.Stage).Distinct().Order().ToList();
        var stageCount = Math.Max(1, stageNumbers.Count);
        var stageNumber = stageNumbers.Count >= c.StageNumber ? stageNumbers[c.StageNumber - 1] : c.StageNumber;
        var ofStage = all.Where(r => r.Stage == stageNumber).ToList();
        var primaries = ofStage.Where(r => r.Role == ReviewerRole.Primary).ToList();
        var chosen = (c.Backup ? ofStage.Where(r => r.Role == ReviewerRole.Backup) : primaries)
            .Select(r => (Email: r.Email.ToLowerInvariant(), r.Name)).ToList();
        if (c.Reviewer is not null && !c.Backup)
        {
            // Reassigned by an admin: this person alone, under their registered name if they review this platform.
            var email = c.Reviewer.ToLowerInvariant();
            var name = all.FirstOrDefault(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase))?.Name ?? email;
            chosen = [(email, name)];
        }
        var stageKey = StageKeyOf(c.StageNumber, c.Round, c.Attempt);
        var title = stageCount == 1 ? "Review" : $"Review stage {c.StageNumber} of {stageCount}";
        // The stage row is opened even for nobody: the admin's reassign finds the open review stage by it.
        await stages.OpenAsync(c.RequestId, stageKey, LinkKind.Review, title, chosen.Select(r => r.Email), null, c.At, cancellationToken);
        var waits = chosen.Count == 0 && !c.Backup;
        if (waits)
        {
            var platform = request.Organization.Platform;
            await flags.RaiseAsync(new AdminFlag(c.RequestId, AdminFlagStore.ReviewerMissing,
                $"{title}: the platform {Taxonomy.Label(Taxonomy.Platforms, platform, "en")} ({platform}) has no primary reviewer", c.At), cancellationToken);
        }
        else if (!c.Backup && (c.Round > 0 || c.Attempt > 0))
        {
            // Only a later round can follow a wait for a reviewer: a first round has nothing to clear.
            await flags.ClearAsync(c.RequestId, AdminFlagStore.ReviewerMissing, cancellationToken);
        }
        var personLinks = chosen.Select(r => new PersonLink(r.Email, r.Name,
            links.DecisionUrl(LinkKind.Review, c.RequestId, r.Email, stageKey, c.At))).ToList();
        return new OpenedReview(stageKey, title, stageCount, personLinks, string.Join(", ", primaries.Select(p => p.Name)), waits);
    }
}
