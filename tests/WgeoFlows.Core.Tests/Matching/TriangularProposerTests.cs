using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Reference;
using static WgeoFlows.Tests.Matching.MatchingFixtures;

namespace WgeoFlows.Tests.Matching;

public class TriangularProposerTests
{
    private static readonly Country Kenya = CountryCatalog.Default.Find("KE")!;

    private static readonly Partner[] Registry =
    [
        Partner("south-ta", support: ["technical-assistance"], country: "IN", region: "asia"),
        Partner("south-both", support: ["technical-assistance", "financing"], country: "BR", region: "latin-america-caribbean", role: PartnerRole.Both),
        Partner("north-ta", support: ["technical-assistance", "technology-transfer"], country: "DE", region: "europe", globalSouth: false),
        Partner("north-funder", support: ["financing"], country: "NO", region: "europe", globalSouth: false, role: PartnerRole.Funder),
        Partner("south-funder", ["renewable-energy", "water-management"], ["financing"], country: "AE", region: "arab-states", role: PartnerRole.Funder),
    ];

    [Fact]
    public void A_request_for_financing_gets_a_Global_South_provider_and_a_funder()
    {
        var request = Request(support: ["technical-assistance", "financing"]);

        var proposal = TriangularProposer.Propose(request, Kenya, Registry, new RankingWeights(), top: 5, Now);

        proposal.ShouldNotBeNull();
        proposal.Reason.ShouldContain("financing");
        proposal.IsComplete.ShouldBeTrue();
        // Technical side: only Global South partners that provide support; the northern provider and the funders are out.
        proposal.TechnicalPartners.Select(c => c.PartnerId).ShouldBe(["south-both", "south-ta"]);
        // Funder side: anyone who funds, except the organisation already proposed as the technical partner.
        proposal.Funders.Select(c => c.PartnerId).ShouldBe(["north-funder", "south-funder"], ignoreOrder: true);
        proposal.Funders.ShouldNotContain(c => c.PartnerId == proposal.TechnicalPartners[0].PartnerId);
    }

    [Fact]
    public void Funders_are_ranked_on_the_requests_themes()
    {
        var request = Request(thematic: ["renewable-energy", "water-management"], support: ["financing"]);

        var proposal = TriangularProposer.Propose(request, Kenya, Registry, new RankingWeights(), top: 5, Now)!;

        proposal.Funders[0].PartnerId.ShouldBe("south-funder");
    }

    [Fact]
    public void A_support_type_no_Global_South_provider_offers_triggers_a_proposal()
    {
        var request = Request(support: ["technology-transfer"]);

        var proposal = TriangularProposer.Propose(request, Kenya, Registry, new RankingWeights(), top: 5, Now);

        proposal.ShouldNotBeNull();
        proposal.Reason.ShouldContain("technology-transfer");
    }

    [Fact]
    public void No_proposal_when_Global_South_providers_cover_every_requested_support_type_without_financing()
    {
        TriangularProposer.Propose(Request(support: ["technical-assistance"]), Kenya, Registry, new RankingWeights(), top: 5, Now).ShouldBeNull();
    }

    [Fact]
    public void A_Global_South_provider_at_capacity_does_not_count_as_offering_its_support_types()
    {
        Partner[] registry = [Partner("south-full", support: ["capacity-building"], capacity: 1, open: 1), .. Registry];

        var proposal = TriangularProposer.Propose(Request(support: ["capacity-building"]), Kenya, registry, new RankingWeights(), top: 5, Now);

        proposal.ShouldNotBeNull();
        proposal.Reason.ShouldContain("capacity-building");
    }
}
