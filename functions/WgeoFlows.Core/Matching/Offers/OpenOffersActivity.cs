using WgeoFlows.Links;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Notifications;
using WgeoFlows.Shared;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.Offers;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
/// <summary><see cref="Side"/> names the side of a triangular cooperation the offers are for (null: one-to-one offers).</summary>
public sealed record OpenOffersCommand(string RequestId, int Round, IReadOnlyList<string> PartnerIds, DateTimeOffset At, string? Side = null)
    : IHasRequestId;

/// <param name="Language">The language of the partner's offer mail (null in older histories: English).</param>
public sealed record OpenedOffer(string PartnerId, string StageKey, PersonLink Link, string PartnerName, string? Language = null);

public sealed record OpenedOffers(IReadOnlyList<OpenedOffer> Offers);

/// <summary>Opens one offer stage per partner of a round (each partner answers for itself) and makes their links. Each new
/// offer counts towards the partner's recent load, which ranking uses so that the same few partners are not asked every time.</summary>
public sealed class OpenOffersActivity(PartnerStore partners, LinkStageStore stages, LinkIssuer links, PartnerOfferLog? offerLog = null)
    : IWorkflowActivity<OpenOffersCommand, OpenedOffers>
{
    /// <summary>Offers made within this window count as the partner's recent load in ranking.</summary>
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(14);

    /// <summary>The stage key of an offer: one-to-one offers keep the short form; a triangle's offers name their side.</summary>
    public static string StageKeyOf(int round, string partnerId, string? side = null) =>
        side is null or OfferSides.Partner ? $"offer-r{round}-{partnerId}" : $"offer-{side}-r{round}-{partnerId}";

    public async Task<OpenedOffers> RunAsync(OpenOffersCommand c, CancellationToken cancellationToken = default)
    {
        var offers = new List<OpenedOffer>();
        foreach (var partnerId in c.PartnerIds)
        {
            var partner = await partners.GetAsync(partnerId, cancellationToken);
            if (partner is null) continue;
            var stageKey = StageKeyOf(c.Round, partnerId, c.Side);
            var existing = await stages.GetAsync(c.RequestId, stageKey, cancellationToken);
            var email = partner.Email.ToLowerInvariant();
            if (existing is null)
            {
                await stages.OpenAsync(c.RequestId, stageKey, LinkKind.Offer, TitleOf(c), [email], null, c.At, cancellationToken);
                // Counted once per offer: a retried activity finds the stage and does not count it again.
                await partners.RecordOfferAsync(partnerId, c.At, RecentWindow, cancellationToken);
            }
            // Written on every run, retried ones too: the row's key is the offer's, so it is written once.
            if (offerLog is not null) await offerLog.RecordAsync(partnerId, new PartnerOffer(c.RequestId, stageKey, TitleOf(c), c.At), cancellationToken);
            offers.Add(new OpenedOffer(partnerId, stageKey,
                new PersonLink(email, partner.Name, links.DecisionUrl(LinkKind.Offer, c.RequestId, email, stageKey, c.At)), partner.Name,
                MailLanguage.ForPartner(partner.Languages)));
        }
        return new OpenedOffers(offers);
    }

    private static string TitleOf(OpenOffersCommand c) => c.Side switch
    {
        OfferSides.Technical => $"Triangular cooperation, technical partner, round {c.Round + 1}",
        OfferSides.Funder => $"Triangular cooperation, funder, round {c.Round + 1}",
        _ => $"Offer round {c.Round + 1}",
    };
}
