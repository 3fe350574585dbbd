using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.Offers;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
/// <summary>The ranking for one request: <see cref="Candidates"/> for one-to-one offers, or, when triangular cooperation is
/// proposed and both of its sides have candidates, <see cref="Triangle"/> instead. <see cref="Note"/> says why a proposed
/// triangle could not be formed.</summary>
public sealed record RankedPartners(IReadOnlyList<RankedPartner> Candidates, TriangularCandidates? Triangle = null,
    string? Note = null);

/// <summary>The two ranked sides of a triangular cooperation: Global South providers for the technical side, and funders.</summary>
/// <param name="Reason">Why triangular cooperation is proposed (shown to admins).</param>
public sealed record TriangularCandidates(string Reason, IReadOnlyList<RankedPartner> Technical, IReadOnlyList<RankedPartner> Funders);

/// <summary>Ranks the registry for the request — as many candidates per side as the offer rounds can use — and stores the
/// ranking with every score's explanation for admins. A request that asks for financing, or for support no Global South
/// provider offers, gets a triangle (technical side and funders) when both sides have candidates; otherwise one-to-one.</summary>
public sealed class RankPartnersActivity(RequestStore requests, PartnerMatcher matcher, PartnerStore partners,
    MatchCandidateStore candidates, IOptions<MatchingOptions> options) : IWorkflowActivity<string, RankedPartners>
{
    public async Task<RankedPartners> RunAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var request = (await requests.GetAsync(requestId, cancellationToken))?.Request
            ?? throw new InvalidOperationException($"Request {requestId} has no record.");
        var top = Math.Max(1, options.Value.CandidatesPerRound) * Math.Max(1, options.Value.MaxRounds);

        var triangle = await matcher.ProposeTriangularAsync(request, top, cancellationToken: cancellationToken);
        if (triangle is { IsComplete: true })
        {
            var technical = await DescribeAsync(triangle.TechnicalPartners, OfferSides.Technical, cancellationToken);
            var funders = await DescribeAsync(triangle.Funders, OfferSides.Funder, cancellationToken);
            await candidates.SaveAsync(requestId, [.. technical.Stored, .. funders.Stored], cancellationToken);
            return new RankedPartners([], new TriangularCandidates(triangle.Reason, technical.Ranked, funders.Ranked));
        }

        var ranked = await DescribeAsync(await matcher.FindCandidatesAsync(request, top, cancellationToken: cancellationToken),
            OfferSides.Partner, cancellationToken);
        await candidates.SaveAsync(requestId, ranked.Stored, cancellationToken);
        return new RankedPartners(ranked.Ranked, Note: triangle is null ? null : IncompleteTriangleNote(triangle));
    }

    private static string IncompleteTriangleNote(TriangularProposal triangle) =>
        $"{triangle.Reason} No {(triangle.Funders.Count == 0 ? "funder" : "Global South technical partner")} is available, "
        + "so the request is offered one-to-one.";

    private async Task<(List<RankedPartner> Ranked, List<StoredCandidate> Stored)> DescribeAsync(
        IReadOnlyList<MatchCandidate> ranked, string side, CancellationToken cancellationToken)
    {
        var result = new List<RankedPartner>(ranked.Count);
        var stored = new List<StoredCandidate>(ranked.Count);
        foreach (var (candidate, rank) in ranked.Select((c, i) => (c, i + 1)))
        {
            var partner = await partners.GetAsync(candidate.PartnerId, cancellationToken);
            if (partner is null) continue;
            result.Add(new RankedPartner(partner.Id, partner.Name, partner.Email, partner.Country, candidate.Score, MailLanguage.ForPartner(partner.Languages)));
            stored.Add(new StoredCandidate(rank, partner.Id, partner.Name, partner.Country, candidate.Score,
                JsonSerializer.SerializeToElement(candidate.Breakdown, Shared.WgeoJson.Options), side));
        }
        return (result, stored);
    }
}
