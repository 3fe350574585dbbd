using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.Offers;

/// <summary>Takes a unit of the accepting partner's capacity for the request (the request id is the engagement key,
/// so a retry holds the same unit). An admin's manual match takes the partner even when it is at capacity.</summary>
public sealed class ReserveCapacityActivity(PartnerStore partners, EngagementStore engagements, TimeProvider clock)
    : IWorkflowActivity<ReserveCapacityCommand, Reservation>
{
    public async Task<Reservation> RunAsync(ReserveCapacityCommand c, CancellationToken cancellationToken = default)
    {
        var partner = await partners.GetAsync(c.PartnerId, cancellationToken);
        if (partner is null) return new Reservation(false, null);
        // Recorded first: a crash between the two leaves a row to give back, never a unit nobody knows of.
        await engagements.RecordAsync(c.RequestId, c.PartnerId, clock.GetUtcNow(), cancellationToken);
        var outcome = await partners.TryReserveCapacityAsync(c.PartnerId, c.RequestId, cancellationToken);
        var reserved = outcome is CapacityReservation.Reserved or CapacityReservation.AlreadyReserved;
        if (!reserved && !c.Force) await engagements.RemoveAsync(c.RequestId, c.PartnerId, cancellationToken);
        return new Reservation(reserved || c.Force,
            reserved || c.Force ? new RankedPartner(partner.Id, partner.Name, partner.Email, partner.Country, 0) : null);
    }
}

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
