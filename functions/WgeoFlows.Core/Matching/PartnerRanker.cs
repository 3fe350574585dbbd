using System.Numerics;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>Ranks the registry for a request and explains every score. Deterministic (ties go to the smaller partner
/// id) and one pass over the partners with a bounded top-k heap, so it stays fast at 100,000 partners.</summary>
/// <remarks>
/// Never offered: inactive partners, partners without remaining capacity, the requester's own organisation (same
/// email), the ids the caller excludes (e.g. already offered in an earlier round), and partners that cover none of the
/// requested thematic areas — a partner that cannot work on the topic is not a match whatever else it offers.
/// </remarks>
public static class PartnerRanker
{
    public static IReadOnlyList<MatchCandidate> Rank(
        SupportRequest request,
        Country? requesterCountry,
        IReadOnlyList<Partner> partners,
        RankingWeights weights,
        int top,
        DateTimeOffset asOf,
        IReadOnlySet<string>? excludedPartnerIds = null) =>
        Rank(new RankingCriteria(request, requesterCountry, request.SupportTypes, excludedPartnerIds), partners, weights, top, asOf, static _ => true);

    internal static IReadOnlyList<MatchCandidate> Rank(
        RankingCriteria criteria,
        IReadOnlyList<Partner> partners,
        RankingWeights weights,
        int top,
        DateTimeOffset asOf,
        Func<Partner, bool> eligible)
    {
        if (top <= 0) return [];

        // The root is the worst of the best `top` seen so far.
        var best = new PriorityQueue<Partner, Ranked>(top + 1, WorstFirst.Instance);
        for (var i = 0; i < partners.Count; i++)
        {
            var partner = partners[i];
            // The topic test first: it is the cheapest and rules out most of a large registry.
            if ((partner.RankingProfile.Thematic & criteria.ThematicMask) == 0 || !IsCandidate(partner, criteria) || !eligible(partner)) continue;
            var values = Measure(partner, criteria, asOf, weights);

            var ranked = new Ranked(Total(values, weights), partner.Id);
            if (best.Count < top) best.Enqueue(partner, ranked);
            else if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(ranked, worst) > 0) best.EnqueueDequeue(partner, ranked);
        }

        var winners = new List<(Partner Partner, Ranked Ranked)>(best.Count);
        while (best.TryDequeue(out var partner, out var ranked)) winners.Add((partner, ranked));
        winners.Reverse();
        return [.. winners.Select(w => new MatchCandidate(w.Partner.Id, w.Ranked.Score, Explain(w.Partner, criteria, asOf, weights)))];
    }

    private static bool IsCandidate(Partner partner, RankingCriteria criteria) =>
        partner.Active
        && partner.RemainingCapacity > 0
        && !string.Equals(partner.Email, criteria.RequesterEmail, StringComparison.OrdinalIgnoreCase)
        && criteria.ExcludedPartnerIds?.Contains(partner.Id) != true;

    private readonly record struct Values(
        double ThematicFit, int ThematicCovered,
        double SupportTypeFit, int SupportTypesCovered,
        double Language, double PreferredRegion, double SouthSouth, double RemainingCapacity, double RecentLoad);

    private static Values Measure(Partner p, RankingCriteria c, DateTimeOffset asOf, RankingWeights w)
    {
        var profile = p.RankingProfile;
        var thematicCovered = BitOperations.PopCount(profile.Thematic & c.ThematicMask);
        var supportCovered = BitOperations.PopCount(profile.Support & c.SupportMask);
        var recent = p.LastOfferedAt is { } last && asOf - last < w.RecentLoadWindow && w.RecentLoadSaturation > 0
            ? Math.Min(1.0, (double)p.RecentOffers / w.RecentLoadSaturation)
            : 0;
        return new Values(
            ThematicFit: c.ThematicCount == 0 ? 0 : (double)thematicCovered / c.ThematicCount,
            ThematicCovered: thematicCovered,
            SupportTypeFit: c.SupportCount == 0 ? 0 : (double)supportCovered / c.SupportCount,
            SupportTypesCovered: supportCovered,
            Language: (profile.Languages & c.LanguageMask) != 0 ? 1 : 0,
            PreferredRegion: (profile.Region & c.PreferredRegionMask) != 0 ? 1 : 0,
            SouthSouth: c.RequesterGlobalSouth == true && p.GlobalSouth && p.ProvidesSupport ? 1 : 0,
            RemainingCapacity: p.Capacity == 0 ? 0 : (double)p.RemainingCapacity / p.Capacity,
            RecentLoad: recent);
    }

    // Added in the breakdown's order (left to right), so that the breakdown's points sum exactly to the score;
    // spelled out rather than summing Points() to keep the hot loop free of allocations.
    private static double Total(Values v, RankingWeights w) =>
        w.ThematicFit * v.ThematicFit
        + w.SupportTypeFit * v.SupportTypeFit
        + w.Language * v.Language
        + w.PreferredRegion * v.PreferredRegion
        + w.SouthSouth * v.SouthSouth
        + w.RemainingCapacity * v.RemainingCapacity
        + -(w.RecentLoad * v.RecentLoad);

    private static double[] Points(Values v, RankingWeights w) =>
    [
        w.ThematicFit * v.ThematicFit,
        w.SupportTypeFit * v.SupportTypeFit,
        w.Language * v.Language,
        w.PreferredRegion * v.PreferredRegion,
        w.SouthSouth * v.SouthSouth,
        w.RemainingCapacity * v.RemainingCapacity,
        -(w.RecentLoad * v.RecentLoad),
    ];

    private static List<ScoreComponent> Explain(Partner p, RankingCriteria c, DateTimeOffset asOf, RankingWeights w)
    {
        var v = Measure(p, c, asOf, w);
        var points = Points(v, w);
        return
        [
            new(ScoreComponents.ThematicFit, w.ThematicFit, v.ThematicFit, points[0],
                $"Covers {v.ThematicCovered} of the {c.ThematicCount} requested thematic areas."),
            new(ScoreComponents.SupportTypeFit, w.SupportTypeFit, v.SupportTypeFit, points[1],
                c.SupportCount == 0 ? "No support type of this kind was requested."
                    : $"Offers {v.SupportTypesCovered} of the {c.SupportCount} requested support types."),
            new(ScoreComponents.Language, w.Language, v.Language, points[2],
                v.Language == 1 ? $"Works in the requester's language ({c.Language})." : $"Does not work in the requester's language ({c.Language})."),
            new(ScoreComponents.PreferredRegion, w.PreferredRegion, v.PreferredRegion, points[3],
                c.PreferredRegionMask == 0 ? "The request names no preferred region."
                    : v.PreferredRegion == 1 ? $"Based in a preferred region ({p.Region})." : $"Based outside the preferred regions ({p.Region})."),
            new(ScoreComponents.SouthSouth, w.SouthSouth, v.SouthSouth, points[4], SouthSouthExplanation(p, c, v)),
            new(ScoreComponents.RemainingCapacity, w.RemainingCapacity, v.RemainingCapacity, points[5],
                $"{p.RemainingCapacity} of {p.Capacity} engagements free."),
            new(ScoreComponents.RecentLoad, w.RecentLoad, v.RecentLoad, points[6],
                v.RecentLoad == 0 ? "No recent offers." : $"{p.RecentOffers} offers since {p.LastOfferedAt:yyyy-MM-dd}."),
        ];
    }

    private static string SouthSouthExplanation(Partner p, RankingCriteria c, Values v) =>
        v.SouthSouth == 1 ? $"South-South: a Global South provider for a requester in {c.RequesterCountryName}."
        : c.RequesterGlobalSouth is null ? "The requester's country is not known."
        : c.RequesterGlobalSouth == false ? "The requester is not in the Global South."
        : !p.GlobalSouth ? "The partner is not in the Global South."
        : "The partner funds but does not provide support.";

    private readonly record struct Ranked(double Score, string PartnerId);

    /// <summary>Orders the worse candidate first: lower score, then (on a tie) the larger id.</summary>
    private sealed class WorstFirst : IComparer<Ranked>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Ranked x, Ranked y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.PartnerId, x.PartnerId);
        }
    }
}
