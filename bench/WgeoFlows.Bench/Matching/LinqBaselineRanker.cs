using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Matching;
using WgeoFlows.Reference;

namespace WgeoFlows.Bench.Matching;

/// <summary>
/// The baseline: the same scoring written the straightforward way — LINQ set operations per partner, then
/// OrderByDescending over every candidate and Take(top). Same weights, same exclusions, same tie-break, so the
/// two must return the same ids (the benchmark checks that before timing anything).
/// </summary>
public static class LinqBaselineRanker
{
    public static List<string> Rank(SupportRequest request, Country? requesterCountry, IReadOnlyList<Partner> partners, RankingWeights w,
        int top, DateTimeOffset asOf) =>
        partners
            .Where(p => p.Active && p.RemainingCapacity > 0
                && !string.Equals(p.Email, request.Contact.Email, StringComparison.OrdinalIgnoreCase)
                && p.ThematicAreas.Intersect(request.ThematicAreas).Any())
            .Select(p => (Partner: p, Score:
                w.ThematicFit * ((double)p.ThematicAreas.Intersect(request.ThematicAreas).Count() / request.ThematicAreas.Count)
                + w.SupportTypeFit * (request.SupportTypes.Count == 0 ? 0 : (double)p.SupportTypes.Intersect(request.SupportTypes).Count() / request.SupportTypes.Count)
                + w.Language * (p.Languages.Contains(request.Contact.Language) ? 1 : 0)
                + w.PreferredRegion * (request.PreferredRegions.Contains(p.Region) ? 1 : 0)
                + w.SouthSouth * (requesterCountry?.GlobalSouth == true && p.GlobalSouth && p.ProvidesSupport ? 1 : 0)
                + w.RemainingCapacity * (p.Capacity == 0 ? 0 : (double)p.RemainingCapacity / p.Capacity)
                + -(w.RecentLoad * (p.LastOfferedAt is { } last && asOf - last < w.RecentLoadWindow && w.RecentLoadSaturation > 0
                    ? Math.Min(1.0, (double)p.RecentOffers / w.RecentLoadSaturation) : 0))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Partner.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(x => x.Partner.Id)
            .ToList();
}
