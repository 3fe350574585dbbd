using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Reference;
using static WgeoFlows.Tests.Matching.MatchingFixtures;

namespace WgeoFlows.Tests.Matching;

public class PartnerRankerTests
{
    private static readonly Country Kenya = CountryCatalog.Default.Find("KE")!;
    private static readonly Country Germany = CountryCatalog.Default.Find("DE")!;

    private static IReadOnlyList<string> Ids(IEnumerable<MatchCandidate> candidates) => [.. candidates.Select(c => c.PartnerId)];

    [Fact]
    public void Ranks_a_hand_made_registry_in_the_order_worked_out_by_hand()
    {
        // Request: two themes, two support types, French, prefers asia, from Kenya (Global South).
        var request = Request(thematic: ["renewable-energy", "water-management"], support: ["technical-assistance", "financing"],
            preferredRegions: ["asia"], language: "fr");
        Partner[] registry =
        [
            // 40 + 25 + 10 + 10 + 10 + 5 = 100
            Partner("perfect", ["renewable-energy", "water-management"], ["technical-assistance", "financing"], ["fr"], "IN", "asia", role: PartnerRole.Both),
            // 20 + 12.5 + 0 + 0 + 10 + 5 = 47.5
            Partner("half-south", ["renewable-energy"], ["technical-assistance"], ["en"]),
            // 20 + 12.5 + 0 + 0 + 0 + 5 = 37.5 (northern: no South-South points)
            Partner("half-north", ["renewable-energy"], ["technical-assistance"], ["en"], "DE", "europe", globalSouth: false),
            // 40 + 0 + 10 + 0 + 10 + 2.5 = 62.5
            Partner("themes-only", ["water-management", "renewable-energy", "biodiversity"], ["policy-advisory"], ["fr", "en"], capacity: 2, open: 1),
        ];

        var ranked = PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: 10, Now);

        Ids(ranked).ShouldBe(["perfect", "themes-only", "half-south", "half-north"]);
        ranked.Select(c => c.Score).ShouldBe([100, 62.5, 47.5, 37.5]);
    }

    [Fact]
    public void Every_breakdown_sums_exactly_to_its_score_and_names_every_component()
    {
        var request = Request(thematic: ["renewable-energy", "water-management", "biodiversity"], support: ["technical-assistance", "capacity-building"],
            preferredRegions: ["africa"]);
        Partner[] registry =
        [
            Partner("a", ["renewable-energy"], ["capacity-building"], capacity: 3, open: 1, lastOfferedAt: Now.AddDays(-2), recentOffers: 2),
            Partner("b", ["biodiversity", "water-management"], ["technical-assistance"], ["es"], "BR", "latin-america-caribbean", capacity: 7, open: 3),
            Partner("c", ["renewable-energy", "water-management", "biodiversity"], ["capacity-building"], role: PartnerRole.Both),
        ];

        var ranked = PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: 3, Now);

        ranked.Count.ShouldBe(3);
        foreach (var candidate in ranked)
        {
            candidate.Breakdown.Select(c => c.Name).ShouldBe([
                ScoreComponents.ThematicFit, ScoreComponents.SupportTypeFit, ScoreComponents.Language, ScoreComponents.PreferredRegion,
                ScoreComponents.SouthSouth, ScoreComponents.RemainingCapacity, ScoreComponents.RecentLoad]);
            candidate.Breakdown.Aggregate(0.0, (sum, c) => sum + c.Points).ShouldBe(candidate.Score);
            candidate.Breakdown.ShouldAllBe(c => c.Value >= 0 && c.Value <= 1 && c.Explanation.Length > 0);
        }
    }

    [Fact]
    public void Ties_go_to_the_smaller_partner_id_whatever_the_registry_order()
    {
        var request = Request();
        Partner[] registry = [Partner("zeta"), Partner("alpha"), Partner("mu"), Partner("beta")];

        var forwards = PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: 3, Now);
        var backwards = PartnerRanker.Rank(request, Kenya, [.. registry.Reverse()], new RankingWeights(), top: 3, Now);

        Ids(forwards).ShouldBe(["alpha", "beta", "mu"]);
        Ids(backwards).ShouldBe(Ids(forwards));
        forwards.Select(c => c.Score).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void Partners_at_capacity_inactive_or_of_the_requesters_own_organisation_are_never_ranked()
    {
        var request = Request(email: "Amina@Example.org");
        Partner[] registry =
        [
            Partner("full", capacity: 2, open: 2),
            Partner("zero-capacity", capacity: 0),
            Partner("inactive", active: false),
            Partner("self", email: "amina@example.org"),
            Partner("available", capacity: 1, open: 0),
        ];

        Ids(PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: 10, Now)).ShouldBe(["available"]);
    }

    [Fact]
    public void Partners_covering_none_of_the_requested_thematic_areas_are_not_matches()
    {
        var request = Request(thematic: ["water-management"], support: ["technical-assistance"]);
        Partner[] registry = [Partner("other-topic", ["biodiversity"], ["technical-assistance"]), Partner("on-topic", ["water-management"], ["financing"])];

        Ids(PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: 10, Now)).ShouldBe(["on-topic"]);
    }

    [Fact]
    public void Excluded_partner_ids_such_as_earlier_rounds_offers_are_skipped()
    {
        Partner[] registry = [Partner("a"), Partner("b"), Partner("c")];

        var ranked = PartnerRanker.Rank(Request(), Kenya, registry, new RankingWeights(), top: 10, Now, new HashSet<string> { "a", "c" });

        Ids(ranked).ShouldBe(["b"]);
    }

    [Fact]
    public void A_Global_South_provider_earns_the_South_South_bonus_only_for_a_Global_South_requester()
    {
        Partner[] registry =
        [
            Partner("south-provider", country: "IN", region: "asia"),
            Partner("north-provider", country: "DE", region: "europe", globalSouth: false),
            Partner("south-funder", country: "BR", region: "latin-america-caribbean", role: PartnerRole.Funder),
        ];
        var weights = Only(thematic: 1, southSouth: 10);

        var forKenya = PartnerRanker.Rank(Request(country: "KE"), Kenya, registry, weights, top: 3, Now);
        var forGermany = PartnerRanker.Rank(Request(country: "DE"), Germany, registry, weights, top: 3, Now);

        forKenya.Select(c => (c.PartnerId, c.Score)).ShouldBe([("south-provider", 11), ("north-provider", 1), ("south-funder", 1)]);
        forKenya[0].Breakdown.Single(c => c.Name == ScoreComponents.SouthSouth).Explanation.ShouldContain("South-South");
        forGermany.ShouldAllBe(c => c.Score == 1);
    }

    [Fact]
    public void An_unknown_requester_country_gives_no_South_South_bonus()
    {
        var ranked = PartnerRanker.Rank(Request(country: "XX"), null, [Partner("south")], Only(thematic: 1, southSouth: 10), top: 1, Now);

        ranked.Single().Score.ShouldBe(1);
        ranked.Single().Breakdown.Single(c => c.Name == ScoreComponents.SouthSouth).Explanation.ShouldContain("not known");
    }

    [Fact]
    public void Partners_offered_recently_are_penalised_and_old_offers_no_longer_count()
    {
        Partner[] registry =
        [
            Partner("busy", lastOfferedAt: Now.AddDays(-1), recentOffers: 3),
            Partner("somewhat-busy", lastOfferedAt: Now.AddDays(-1), recentOffers: 1),
            Partner("long-ago", lastOfferedAt: Now.AddDays(-30), recentOffers: 9),
        ];

        var ranked = PartnerRanker.Rank(Request(), Kenya, registry, Only(thematic: 10, recentLoad: 6), top: 3, Now);

        ranked.Select(c => (c.PartnerId, c.Score)).ShouldBe([("long-ago", 10), ("somewhat-busy", 8), ("busy", 4)]);
        ranked[2].Breakdown.Single(c => c.Name == ScoreComponents.RecentLoad).Points.ShouldBe(-6);
    }

    [Fact]
    public void More_remaining_capacity_ranks_higher()
    {
        Partner[] registry = [Partner("nearly-full", capacity: 4, open: 3), Partner("free", capacity: 4, open: 0)];

        var ranked = PartnerRanker.Rank(Request(), Kenya, registry, Only(thematic: 1, capacity: 4), top: 2, Now);

        ranked.Select(c => (c.PartnerId, c.Score)).ShouldBe([("free", 5), ("nearly-full", 2)]);
    }

    [Fact]
    public void Language_and_preferred_region_each_add_their_weight()
    {
        var request = Request(preferredRegions: ["latin-america-caribbean"], language: "es");
        Partner[] registry =
        [
            Partner("speaks-spanish", languages: ["es"]),
            Partner("in-region", country: "BR", region: "latin-america-caribbean", languages: ["pt"]),
            Partner("both", country: "MX", region: "latin-america-caribbean", languages: ["es", "en"]),
        ];

        var ranked = PartnerRanker.Rank(request, Kenya, registry, Only(language: 2, region: 3, thematic: 1), top: 3, Now);

        ranked.Select(c => (c.PartnerId, c.Score)).ShouldBe([("both", 6), ("in-region", 4), ("speaks-spanish", 3)]);
    }

    [Fact]
    public void Top_k_selection_returns_the_same_list_as_sorting_everything()
    {
        var random = new Random(7);
        string[] themes = ["renewable-energy", "water-management", "biodiversity", "green-finance"];
        string[] support = ["technical-assistance", "financing", "capacity-building"];
        var registry = Enumerable.Range(0, 5000).Select(i => Partner(
            $"p-{random.Next(100000):00000}-{i}",
            [themes[random.Next(themes.Length)], themes[random.Next(themes.Length)]],
            [support[random.Next(support.Length)]],
            random.Next(2) == 0 ? ["en"] : ["fr"],
            capacity: random.Next(0, 5),
            lastOfferedAt: random.Next(3) == 0 ? Now.AddDays(-random.Next(20)) : null,
            recentOffers: random.Next(4))).ToList();
        var request = Request(thematic: ["renewable-energy", "biodiversity"], support: ["technical-assistance", "financing"]);

        var top = PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: 25, Now);
        var everything = PartnerRanker.Rank(request, Kenya, registry, new RankingWeights(), top: registry.Count, Now);

        Ids(top).ShouldBe(Ids(everything.Take(25)));
        everything.Select(c => c.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Asking_for_no_candidates_returns_none()
    {
        PartnerRanker.Rank(Request(), Kenya, [Partner("a")], new RankingWeights(), top: 0, Now).ShouldBeEmpty();
    }
}
