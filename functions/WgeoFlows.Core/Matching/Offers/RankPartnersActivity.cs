using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Matching.Offers;

/// <summary>Ranks the registry for the request — as many candidates as the offer rounds can use — and stores the ranking
/// with every score's explanation for admins.</summary>
public sealed class RankPartnersActivity(RequestStore requests, PartnerMatcher matcher, PartnerStore partners,
    MatchCandidateStore candidates, IOptions<MatchingOptions> options) : IWorkflowActivity<string, RankedPartners>
{
    public async Task<RankedPartners> RunAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var request = (await requests.GetAsync(requestId, cancellationToken))?.Request
            ?? throw new InvalidOperationException($"Request {requestId} has no record.");
        var top = Math.Max(1, options.Value.CandidatesPerRound) * Math.Max(1, options.Value.MaxRounds);
        var ranked = await matcher.FindCandidatesAsync(request, top, cancellationToken: cancellationToken);
        var result = new List<RankedPartner>(ranked.Count);
        var stored = new List<StoredCandidate>(ranked.Count);
        foreach (var (candidate, rank) in ranked.Select((c, i) => (c, i + 1)))
        {
            var partner = await partners.GetAsync(candidate.PartnerId, cancellationToken);
            if (partner is null) continue;
            result.Add(new RankedPartner(partner.Id, partner.Name, partner.Email, partner.Country, candidate.Score));
            stored.Add(new StoredCandidate(rank, partner.Id, partner.Name, partner.Country, candidate.Score,
                JsonSerializer.SerializeToElement(candidate.Breakdown, Shared.WgeoJson.Options)));
        }
        await candidates.SaveAsync(requestId, stored, cancellationToken);
        return new RankedPartners(result);
    }
}
