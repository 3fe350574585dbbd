using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>A triangular cooperation proposal: a Global South provider for the technical side and a funder, each ranked.</summary>
/// <param name="Reason">Why triangular cooperation is proposed.</param>
public sealed record TriangularProposal(string Reason, IReadOnlyList<MatchCandidate> TechnicalPartners, IReadOnlyList<MatchCandidate> Funders)
{
    /// <summary>Both sides have at least one candidate, so a pair can be offered.</summary>
    public bool IsComplete => TechnicalPartners.Count > 0 && Funders.Count > 0;
}

public static class TriangularProposer
{
    public const string Financing = "financing";

    /// <summary>Proposes triangular cooperation when the request asks for financing, or when some requested support type
    /// is offered by no available Global South provider; otherwise null. The funder side never repeats the best
    /// technical partner, so the first of each side are two organisations.</summary>
    public static TriangularProposal? Propose(
        SupportRequest request,
        Country? requesterCountry,
        IReadOnlyList<Partner> partners,
        RankingWeights weights,
        int top,
        DateTimeOffset asOf,
        IReadOnlySet<string>? excludedPartnerIds = null)
    {
        var technicalTypes = request.SupportTypes.Where(t => t != Financing).ToList();
        var technicalCriteria = new RankingCriteria(request, requesterCountry, technicalTypes, excludedPartnerIds);
        var reason = ReasonFor(request, partners, technicalCriteria, technicalTypes);
        if (reason is null) return null;

        var technical = PartnerRanker.Rank(technicalCriteria, partners, weights, top, asOf, static p => p.GlobalSouth && p.ProvidesSupport);
        var bestTechnical = technical.Count > 0 ? technical[0].PartnerId : null;
        var funderCriteria = new RankingCriteria(request, requesterCountry, [Financing], excludedPartnerIds);
        var funders = PartnerRanker.Rank(funderCriteria, partners, weights, top, asOf, p => p.Funds && p.Id != bestTechnical);
        return new TriangularProposal(reason, technical, funders);
    }

    private static string? ReasonFor(SupportRequest request, IReadOnlyList<Partner> partners, RankingCriteria criteria, List<string> technicalTypes)
    {
        if (request.SupportTypes.Contains(Financing))
        {
            return "The request asks for financing: a Global South provider with a funder.";
        }
        var offeredInSouth = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in partners)
        {
            if (p.Active && p.RemainingCapacity > 0 && p.GlobalSouth && p.ProvidesSupport
                && !string.Equals(p.Email, criteria.RequesterEmail, StringComparison.OrdinalIgnoreCase)
                && criteria.ExcludedPartnerIds?.Contains(p.Id) != true)
            {
                offeredInSouth.UnionWith(p.SupportTypes);
            }
        }
        var missing = technicalTypes.Where(t => !offeredInSouth.Contains(t)).ToList();
        return missing.Count == 0
            ? null
            : $"No available Global South provider offers {string.Join(", ", missing)}: a Global South provider with a funder.";
    }
}
