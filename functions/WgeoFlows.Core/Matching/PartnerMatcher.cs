using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>Ranks the stored registry for a request with the configured weights: what the matching activity calls.</summary>
public sealed class PartnerMatcher(PartnerStore partners, IOptions<MatchingOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<MatchCandidate>> FindCandidatesAsync(
        SupportRequest request, int top, IReadOnlySet<string>? excludedPartnerIds = null, CancellationToken cancellationToken = default)
    {
        var registry = await partners.ListActiveAsync(cancellationToken);
        return PartnerRanker.Rank(request, CountryCatalog.Default.Find(request.Organization.Country), registry,
            options.Value.Weights, top, time.GetUtcNow(), excludedPartnerIds);
    }

    public async Task<TriangularProposal?> ProposeTriangularAsync(
        SupportRequest request, int top, IReadOnlySet<string>? excludedPartnerIds = null, CancellationToken cancellationToken = default)
    {
        var registry = await partners.ListActiveAsync(cancellationToken);
        return TriangularProposer.Propose(request, CountryCatalog.Default.Find(request.Organization.Country), registry,
            options.Value.Weights, top, time.GetUtcNow(), excludedPartnerIds);
    }
}
