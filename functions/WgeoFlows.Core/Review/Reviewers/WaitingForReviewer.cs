using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Links;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Review.Reviewers;

/// <summary>
/// The requests that wait in review because their platform had no primary reviewer (the flag
/// <see cref="AdminFlagStore.ReviewerMissing"/>), and taking them on once an admin has registered reviewers: each gets the
/// reassign admin event naming nobody, which reopens its stage for the platform's registered reviewers.
/// </summary>
public sealed class WaitingForReviewer(StorageClients storage, RequestStore requests, LinkStageStore stages, TimelineStore timeline,
    TimeProvider clock)
{
    /// <summary>Takes on every waiting request of <paramref name="platforms"/>. Returns the ids of the requests told.</summary>
    public async Task<IReadOnlyList<string>> TakeOnAsync(IReadOnlySet<string> platforms, string admin, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var taken = new List<string>();
        if (platforms.Count == 0) return taken;
        foreach (var requestId in await FlaggedAsync(cancellationToken))
        {
            var stored = await requests.GetAsync(requestId, cancellationToken);
            if (stored is null || stored.Request.Status != RequestStatus.InReview || !platforms.Contains(stored.Request.Organization.Platform)) continue;
            var open = (await stages.ListAsync(requestId, cancellationToken)).LastOrDefault(s => s.Kind == LinkKind.Review && s.IsOpen);
            // A waiting stage is open for nobody; one with people was taken on already (an admin reassigned it by hand).
            if (open is null || open.Persons.Count > 0) continue;
            var now = clock.GetUtcNow();
            await durable.RaiseEventAsync(requestId, WorkflowEvents.AdminAction,
                new AdminActionEvent(AdminAction.Reassign, open.StageKey, admin, now, Reviewer: null), cancellationToken);
            await timeline.AppendAsync(new TimelineEntry(requestId, $"admin|{now.UtcTicks:D19}|{AdminActions.Reassign}", admin,
                $"admin action: {AdminActions.Reassign}", $"{open.Title}: to the platform's registered reviewers", now), cancellationToken);
            taken.Add(requestId);
        }
        return taken;
    }

    /// <summary>The flagged requests: one query of the admin index's "flags" partition for the one kind (there are few flags).</summary>
    private async Task<IReadOnlyList<string>> FlaggedAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {AdminFlagStore.FlagsPartition} and Kind eq {AdminFlagStore.ReviewerMissing}");
        var ids = new List<string>();
        await foreach (var row in storage.Table(TableNames.AdminIndex).QueryAsync<TableEntity>(filter, select: ["RequestId"],
            cancellationToken: cancellationToken))
        {
            if (row.GetString("RequestId") is { Length: > 0 } id && !ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
        }
        return ids;
    }
}
