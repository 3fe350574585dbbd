using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Storage;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Matching;

/// <summary>The matching activities on Azurite: offers feed the recent load that ranking reads, and the ranking activity
/// chooses between a triangle and one-to-one offers and stores what it chose for admins. Each test uses its own thematic
/// area, so the partners of one test are never candidates in another.</summary>
public sealed class OfferActivitiesTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset At = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IOptions<MatchingOptions> Matching = Options.Create(new MatchingOptions { CandidatesPerRound = 2, MaxRounds = 2 });

    private static Partner Partner(string id, string thematic, string support, PartnerRole role = PartnerRole.Provider, string country = "KE",
        string region = "africa", bool globalSouth = true) => new()
        {
            Id = id,
            Name = $"{id} (fictional)",
            Platform = "cities",
            Country = country,
            Region = region,
            GlobalSouth = globalSouth,
            Role = role,
            ThematicAreas = [thematic],
            SupportTypes = [support],
            Languages = ["en"],
            Capacity = 2,
            Email = $"{id}@example.org",
        };

    private static SupportRequest Request(string id, string thematic, params string[] support) => new()
    {
        RequestId = id,
        SubmissionId = "form-" + id,
        SubmittedAt = At,
        Organization = new Organization("Nairobi County Energy Office (fictional)", "cities", "KE", null),
        Contact = new Contact("Amina (fictional)", "amina@example.org", "en"),
        Title = "Fictional request",
        Description = "Fictional.",
        ThematicAreas = [thematic],
        SupportTypes = support,
    };

    [Fact]
    public async Task An_offer_counts_once_towards_recent_load_even_when_retried_and_ranking_then_puts_the_partner_behind_its_twin()
    {
        var partners = storage.NewPartnerStore(new ManualClock(At));
        await partners.UpsertManyAsync([Partner("load-a", "green-buildings", "technical-assistance"), Partner("load-b", "green-buildings", "technical-assistance")], Ct);
        var matcher = new PartnerMatcher(partners, Matching, new ManualClock(At.AddHours(1)));
        var request = Request("req-load", "green-buildings", "technical-assistance");
        (await matcher.FindCandidatesAsync(request, 2, cancellationToken: Ct)).Select(c => c.PartnerId).ShouldBe(["load-a", "load-b"]); // a tie: smaller id

        var clients = storage.NewStorageClients();
        var links = new LinkIssuer(Options.Create(new LinkOptions { SigningKey = "test-key" }), Options.Create(new PublicUrlOptions()));
        var open = new OpenOffersActivity(partners, new LinkStageStore(clients), links);
        var command = new OpenOffersCommand("req-load", 0, ["load-a"], At);
        await open.RunAsync(command, Ct);
        await open.RunAsync(command, Ct); // a retry of the same activity

        var offered = (await partners.GetAsync("load-a", Ct)).ShouldNotBeNull();
        offered.RecentOffers.ShouldBe(1);
        offered.LastOfferedAt.ShouldBe(At);
        var ranked = await matcher.FindCandidatesAsync(request, 2, cancellationToken: Ct);
        ranked.Select(c => c.PartnerId).ShouldBe(["load-b", "load-a"]);
        var load = ranked[1].Breakdown.Single(b => b.Name == ScoreComponents.RecentLoad);
        load.Value.ShouldBeGreaterThan(0);
        load.Points.ShouldBeLessThan(0);
    }

    [Fact]
    public async Task A_financing_request_gets_a_triangle_stored_side_by_side_and_without_a_funder_falls_back_to_one_to_one()
    {
        var partners = storage.NewPartnerStore(new ManualClock(At));
        await partners.UpsertManyAsync(
        [
            Partner("tri-tech", "sustainable-transport", "technical-assistance"),
            Partner("tri-fund", "sustainable-transport", "financing", PartnerRole.Funder, "DE", "europe", globalSouth: false),
        ], Ct);
        var clients = storage.NewStorageClients();
        var requests = new RequestStore(clients);
        (await requests.TryAddAsync(Request("req-tri", "sustainable-transport", "technical-assistance", "financing"), Ct)).ShouldBeTrue();
        var candidates = new MatchCandidateStore(clients);
        var rank = new RankPartnersActivity(requests, new PartnerMatcher(partners, Matching, new ManualClock(At)), partners, candidates, Matching);

        var triangle = await rank.RunAsync("req-tri", Ct);

        triangle.Candidates.ShouldBeEmpty();
        var sides = triangle.Triangle.ShouldNotBeNull();
        sides.Reason.ShouldContain("financing");
        sides.Technical.Select(p => p.PartnerId).ShouldBe(["tri-tech"]);
        sides.Funders.Select(p => p.PartnerId).ShouldBe(["tri-fund"]);
        var stored = await candidates.ListAsync("req-tri", Ct);
        stored.Select(c => (c.Side, c.Rank, c.PartnerId)).ShouldBe([(OfferSides.Technical, 1, "tri-tech"), (OfferSides.Funder, 1, "tri-fund")]);
        stored.ShouldAllBe(c => c.Breakdown.GetArrayLength() == 7);

        await partners.UpsertAsync(Partner("tri-fund", "sustainable-transport", "financing", PartnerRole.Funder, "DE", "europe", false) with { Active = false }, Ct);
        var oneToOne = await rank.RunAsync("req-tri", Ct);

        oneToOne.Triangle.ShouldBeNull();
        oneToOne.Note.ShouldNotBeNull().ShouldContain("No funder");
        oneToOne.Candidates.Select(p => p.PartnerId).ShouldBe(["tri-tech"]);
        (await candidates.ListAsync("req-tri", Ct)).Select(c => (c.Side, c.PartnerId)).ShouldBe([(OfferSides.Partner, "tri-tech")]);
    }
}
