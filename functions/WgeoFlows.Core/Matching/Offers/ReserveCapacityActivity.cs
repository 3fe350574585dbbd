using WgeoFlows.Notifications;
using WgeoFlows.Shared;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.Offers;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
/// <summary>Takes one unit of the partner's capacity for this request. <see cref="Force"/> is an admin's manual match, which may exceed it.</summary>
public sealed record ReserveCapacityCommand(string RequestId, string PartnerId, bool Force) : IHasRequestId;

public sealed record Reservation(bool Reserved, RankedPartner? Partner);

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
            reserved || c.Force ? new RankedPartner(partner.Id, partner.Name, partner.Email, partner.Country, 0, MailLanguage.ForPartner(partner.Languages)) : null);
    }
}
