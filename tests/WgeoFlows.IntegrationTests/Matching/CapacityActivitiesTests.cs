using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Matching;

/// <summary>The capacity activities on Azurite, as the offer rounds and an admin's manual match call them: an acceptance takes
/// a unit of the partner's capacity once, or nothing when none is left (the round then moves on); an admin's match takes the
/// partner even at capacity; the follow-up gives the unit back. Each test uses partners of its own.</summary>
public sealed class CapacityActivitiesTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Partner Partner(string id, int capacity) => new()
    {
        Id = id,
        Name = $"{id} (fictional)",
        Platform = "private-sector",
        Country = "KE",
        Region = "africa",
        GlobalSouth = true,
        Role = PartnerRole.Provider,
        ThematicAreas = ["sustainable-tourism"],
        SupportTypes = ["knowledge-exchange"],
        Languages = ["en"],
        Capacity = capacity,
        Email = $"{id}@example.org",
    };

    private async Task<(PartnerStore Partners, EngagementStore Engagements, ReserveCapacityActivity Reserve)> StoresAsync(Partner partner)
    {
        var partners = storage.NewPartnerStore();
        await partners.UpsertAsync(partner, Ct);
        var engagements = new EngagementStore(storage.NewStorageClients());
        return (partners, engagements, new ReserveCapacityActivity(partners, engagements, TimeProvider.System));
    }

    [Fact]
    public async Task An_acceptance_takes_one_unit_however_often_it_is_retried_and_the_follow_up_gives_it_back()
    {
        var (partners, engagements, reserve) = await StoresAsync(Partner("cap-retried", capacity: 2));

        var first = await reserve.RunAsync(new ReserveCapacityCommand("req-cap-retried", "cap-retried", Force: false), Ct);
        var retried = await reserve.RunAsync(new ReserveCapacityCommand("req-cap-retried", "cap-retried", Force: false), Ct);

        (first.Reserved, retried.Reserved).ShouldBe((true, true));
        first.Partner!.Email.ShouldBe("cap-retried@example.org");
        (await partners.GetAsync("cap-retried", Ct))!.OpenEngagements.ShouldBe(1);
        (await engagements.ListPartnersAsync("req-cap-retried", Ct)).ShouldBe(["cap-retried"]);

        (await new ReleaseCapacityActivity(partners, engagements).RunAsync(new ReleaseCapacityCommand("req-cap-retried", "cap-retried"), Ct)).ShouldBeTrue();
        (await partners.GetAsync("cap-retried", Ct))!.OpenEngagements.ShouldBe(0);
        (await engagements.ListPartnersAsync("req-cap-retried", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_acceptance_of_a_partner_without_capacity_left_takes_nothing_and_leaves_no_engagement()
    {
        var (partners, engagements, reserve) = await StoresAsync(Partner("cap-none", capacity: 0));

        var outcome = await reserve.RunAsync(new ReserveCapacityCommand("req-cap-none", "cap-none", Force: false), Ct);

        outcome.Reserved.ShouldBeFalse();
        outcome.Partner.ShouldBeNull();
        (await partners.GetAsync("cap-none", Ct))!.OpenEngagements.ShouldBe(0);
        (await engagements.ListPartnersAsync("req-cap-none", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admins_match_takes_the_partner_even_at_capacity_and_records_the_engagement_to_give_back()
    {
        var (partners, engagements, reserve) = await StoresAsync(Partner("cap-full", capacity: 1));
        (await reserve.RunAsync(new ReserveCapacityCommand("req-cap-earlier", "cap-full", Force: false), Ct)).Reserved.ShouldBeTrue();

        var forced = await reserve.RunAsync(new ReserveCapacityCommand("req-cap-admin", "cap-full", Force: true), Ct);

        forced.Reserved.ShouldBeTrue();
        forced.Partner!.PartnerId.ShouldBe("cap-full");
        (await engagements.ListPartnersAsync("req-cap-admin", Ct)).ShouldBe(["cap-full"]);
        // An unknown partner cannot be forced: the workflow tells the admin and keeps waiting for another choice.
        (await reserve.RunAsync(new ReserveCapacityCommand("req-cap-admin", "cap-gone", Force: true), Ct)).Partner.ShouldBeNull();
    }
}
