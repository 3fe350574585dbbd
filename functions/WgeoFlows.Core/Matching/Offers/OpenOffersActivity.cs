using WgeoFlows.Links;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Matching.Offers;

/// <summary>Opens one offer stage per partner of a round (each partner answers for itself) and makes their links.</summary>
public sealed class OpenOffersActivity(PartnerStore partners, LinkStageStore stages, LinkIssuer links)
    : IWorkflowActivity<OpenOffersCommand, OpenedOffers>
{
    /// <summary>Offers made within this window count as the partner's recent load in ranking.</summary>
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(14);

    public static string StageKeyOf(int round, string partnerId) => $"offer-r{round}-{partnerId}";

    public async Task<OpenedOffers> RunAsync(OpenOffersCommand c, CancellationToken cancellationToken = default)
    {
        var offers = new List<OpenedOffer>();
        foreach (var partnerId in c.PartnerIds)
        {
            var partner = await partners.GetAsync(partnerId, cancellationToken);
            if (partner is null) continue;
            var stageKey = StageKeyOf(c.Round, partnerId);
            var existing = await stages.GetAsync(c.RequestId, stageKey, cancellationToken);
            var email = partner.Email.ToLowerInvariant();
            if (existing is null)
            {
                await stages.OpenAsync(c.RequestId, stageKey, LinkKind.Offer, $"Offer round {c.Round + 1}", [email], null, c.At, cancellationToken);
                // Counted once per offer: a retried activity finds the stage and does not count it again.
                await partners.RecordOfferAsync(partnerId, c.At, RecentWindow, cancellationToken);
            }
            offers.Add(new OpenedOffer(partnerId, stageKey,
                new PersonLink(email, partner.Name, links.DecisionUrl(LinkKind.Offer, c.RequestId, email, stageKey, c.At)), partner.Name));
        }
        return new OpenedOffers(offers);
    }
}
