using Microsoft.Extensions.Options;
using WgeoFlows.Reference;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Workflow;

namespace WgeoFlows.Admin.Dashboard;

/// <summary>
/// Builds the <see cref="AdminSummary"/> from the aggregates kept at write time: three range reads of the counters, one
/// one-row read per waiting stage, one page of flags, one page of failures and the reviewers' two reads for the warnings —
/// under twenty small storage requests, the same at ten requests or a million.
/// </summary>
public sealed class AdminSummaryReader(AdminStatsStore stats, AdminIndexStore index, AdminFlagStore flags,
    IOptions<ServiceLevelOptions> levels, TimeProvider time, ReviewerWarnings warnings)
{
    public const int Weeks = 12;
    public const int ListedFlags = 10;
    public const int ListedFailures = 10;

    public async Task<AdminSummary> ReadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var counts = await stats.CountsAsync(now, Weeks, cancellationToken);
        var waiting = new List<StageWait>();
        foreach (var status in ServiceLevelOptions.WaitingStatuses)
        {
            var oldest = (await stats.LongestWaitingAsync(status, 1, cancellationToken)).FirstOrDefault();
            var level = levels.Value.LevelOf(status);
            var age = oldest is null ? (TimeSpan?)null : now - oldest.Since;
            waiting.Add(new StageWait(status, counts.PerStatus[status], oldest, age?.TotalSeconds, level?.TotalSeconds,
                age is { } a ? ServiceLevelOptions.StateOf(a, level) : "none"));
        }
        var perPlatform = Taxonomy.Platforms
            .Select(p => new PlatformCount(p.Id, Taxonomy.Label(Taxonomy.Platforms, p.Id, "en"), counts.PerPlatform.GetValueOrDefault(p.Id)))
            .ToList();
        var failures = await index.ListAsync(RequestStatus.Failed, null, ListedFailures, null, cancellationToken);
        return new AdminSummary(now, counts.PerStatus, waiting, counts.PerWeek, perPlatform,
            await flags.NewestAsync(ListedFlags, cancellationToken), failures.Items, await warnings.ReadAsync(cancellationToken));
    }
}
