using WgeoFlows.Matching;

namespace WgeoFlows.Tests.Matching;

public class PartnerStoreTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Partner NewPartner(string id, int capacity = 2, bool active = true) => new()
    {
        Id = id,
        Name = $"{id} (fictional)",
        Platform = "civil-society",
        Country = "SN",
        Region = "africa",
        GlobalSouth = true,
        Role = PartnerRole.Both,
        ThematicAreas = ["water-management", "climate-adaptation"],
        SupportTypes = ["capacity-building", "financing"],
        Languages = ["fr", "en"],
        Capacity = capacity,
        Email = $"{id}@example.net",
        Active = active,
    };

    private static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_partner_reads_back_as_it_was_written()
    {
        var store = storage.NewPartnerStore();
        var partner = NewPartner(UniqueId("roundtrip"));

        await store.UpsertAsync(partner, Cancel);

        (await store.GetAsync(partner.Id, Cancel)).ShouldBe(partner);
        (await store.GetAsync("no-such-partner", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task Updating_a_partner_keeps_its_open_engagements()
    {
        var store = storage.NewPartnerStore();
        var partner = NewPartner(UniqueId("keep"), capacity: 2);
        await store.UpsertAsync(partner, Cancel);
        await store.TryReserveCapacityAsync(partner.Id, "req-1", Cancel);

        await store.UpsertAsync(partner with { Capacity = 5, Name = "Renamed (fictional)" }, Cancel);

        var stored = (await store.GetAsync(partner.Id, Cancel))!;
        stored.Capacity.ShouldBe(5);
        stored.Name.ShouldBe("Renamed (fictional)");
        stored.OpenEngagements.ShouldBe(1);
    }

    [Fact]
    public async Task Listing_in_pages_visits_every_partner_once()
    {
        var store = storage.NewPartnerStore();
        await store.UpsertManyAsync(Enumerable.Range(0, 7).Select(i => NewPartner(UniqueId($"page{i}"))), Cancel);
        var all = await store.ListAllAsync(Cancel);

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(3, continuation, Cancel);
            page.Items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Items.Select(p => p.Id));
            continuation = page.Continuation;
        } while (continuation is not null);

        seen.ShouldBe(all.Select(p => p.Id), ignoreOrder: false);
        seen.ShouldBeUnique();
        seen.Count.ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Deleting_removes_the_partner_and_says_whether_there_was_one()
    {
        var store = storage.NewPartnerStore();
        var partner = NewPartner(UniqueId("delete"));
        await store.UpsertAsync(partner, Cancel);

        (await store.DeleteAsync(partner.Id, Cancel)).ShouldBeTrue();
        (await store.GetAsync(partner.Id, Cancel)).ShouldBeNull();
        (await store.DeleteAsync(partner.Id, Cancel)).ShouldBeFalse();
    }

    [Fact]
    public async Task Active_partners_are_cached_for_a_short_time_and_a_write_here_clears_the_cache()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = storage.NewPartnerStore(clock);
        var elsewhere = storage.NewPartnerStore();
        var inactive = NewPartner(UniqueId("inactive"), active: false);
        await store.UpsertAsync(inactive, Cancel);
        (await store.ListActiveAsync(Cancel)).ShouldNotContain(p => p.Id == inactive.Id);

        // Written by another process: not seen until the cache expires.
        var fromElsewhere = NewPartner(UniqueId("elsewhere"));
        await elsewhere.UpsertAsync(fromElsewhere, Cancel);
        (await store.ListActiveAsync(Cancel)).ShouldNotContain(p => p.Id == fromElsewhere.Id);
        clock.Now += PartnerStore.ActiveCacheLifetime;
        (await store.ListActiveAsync(Cancel)).ShouldContain(p => p.Id == fromElsewhere.Id);

        // Written through this store: seen at once.
        var fromHere = NewPartner(UniqueId("here"));
        await store.UpsertAsync(fromHere, Cancel);
        (await store.ListActiveAsync(Cancel)).ShouldContain(p => p.Id == fromHere.Id);
    }

    [Fact]
    public async Task Of_two_requests_racing_for_the_last_capacity_unit_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var partner = NewPartner(UniqueId($"race{round}"), capacity: 1);
            await storage.NewPartnerStore().UpsertAsync(partner, Cancel);
            var (first, second) = (storage.NewPartnerStore(), storage.NewPartnerStore());

            var results = await Task.WhenAll(
                Task.Run(() => first.TryReserveCapacityAsync(partner.Id, "request-a", Cancel), Cancel),
                Task.Run(() => second.TryReserveCapacityAsync(partner.Id, "request-b", Cancel), Cancel));

            results.ShouldBe([CapacityReservation.Reserved, CapacityReservation.NoCapacity], ignoreOrder: true);
            (await first.GetAsync(partner.Id, Cancel))!.OpenEngagements.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Many_racers_never_take_more_units_than_the_capacity()
    {
        var partner = NewPartner(UniqueId("crowd"), capacity: 3);
        await storage.NewPartnerStore().UpsertAsync(partner, Cancel);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => storage.NewPartnerStore().TryReserveCapacityAsync(partner.Id, $"request-{i}", Cancel), Cancel)));

        results.Count(r => r == CapacityReservation.Reserved).ShouldBe(3);
        results.Count(r => r == CapacityReservation.NoCapacity).ShouldBe(5);
        (await storage.NewPartnerStore().GetAsync(partner.Id, Cancel))!.OpenEngagements.ShouldBe(3);
    }

    [Fact]
    public async Task Reserving_is_idempotent_per_engagement_and_releasing_gives_the_unit_back()
    {
        var store = storage.NewPartnerStore();
        var partner = NewPartner(UniqueId("release"), capacity: 1);
        await store.UpsertAsync(partner, Cancel);

        (await store.TryReserveCapacityAsync(partner.Id, "request-a", Cancel)).ShouldBe(CapacityReservation.Reserved);
        (await store.TryReserveCapacityAsync(partner.Id, "request-a", Cancel)).ShouldBe(CapacityReservation.AlreadyReserved);
        (await store.TryReserveCapacityAsync(partner.Id, "request-b", Cancel)).ShouldBe(CapacityReservation.NoCapacity);

        (await store.ReleaseCapacityAsync(partner.Id, "request-a", Cancel)).ShouldBeTrue();
        (await store.ReleaseCapacityAsync(partner.Id, "request-a", Cancel)).ShouldBeFalse();
        (await store.GetAsync(partner.Id, Cancel))!.OpenEngagements.ShouldBe(0);

        (await store.TryReserveCapacityAsync(partner.Id, "request-b", Cancel)).ShouldBe(CapacityReservation.Reserved);
    }

    [Fact]
    public async Task An_inactive_or_unknown_partner_cannot_be_reserved()
    {
        var store = storage.NewPartnerStore();
        var inactive = NewPartner(UniqueId("asleep"), active: false);
        await store.UpsertAsync(inactive, Cancel);

        (await store.TryReserveCapacityAsync(inactive.Id, "request-a", Cancel)).ShouldBe(CapacityReservation.NoCapacity);
        (await store.TryReserveCapacityAsync("no-such-partner", "request-a", Cancel)).ShouldBe(CapacityReservation.NotFound);
    }

    [Fact]
    public async Task Offers_are_counted_within_the_recent_load_window_and_the_count_restarts_after_it()
    {
        var store = storage.NewPartnerStore();
        var partner = NewPartner(UniqueId("offers"));
        await store.UpsertAsync(partner, Cancel);
        var start = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var window = TimeSpan.FromDays(14);

        await store.RecordOfferAsync(partner.Id, start, window, Cancel);
        await store.RecordOfferAsync(partner.Id, start.AddDays(3), window, Cancel);
        (await store.GetAsync(partner.Id, Cancel))!.RecentOffers.ShouldBe(2);

        await store.RecordOfferAsync(partner.Id, start.AddDays(30), window, Cancel);
        var stored = (await store.GetAsync(partner.Id, Cancel))!;
        stored.RecentOffers.ShouldBe(1);
        stored.LastOfferedAt.ShouldBe(start.AddDays(30));
    }
}
