using WgeoFlows.Shared;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.Offers;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
public sealed record ReleaseCapacityCommand(string RequestId, string PartnerId) : IHasRequestId;

/// <summary>Gives the unit back when the engagement closes.</summary>
public sealed class ReleaseCapacityActivity(PartnerStore partners, EngagementStore engagements) : IWorkflowActivity<ReleaseCapacityCommand, bool>
{
    public async Task<bool> RunAsync(ReleaseCapacityCommand c, CancellationToken cancellationToken = default)
    {
        var released = await partners.ReleaseCapacityAsync(c.PartnerId, c.RequestId, cancellationToken);
        await engagements.RemoveAsync(c.RequestId, c.PartnerId, cancellationToken);
        return released;
    }
}
