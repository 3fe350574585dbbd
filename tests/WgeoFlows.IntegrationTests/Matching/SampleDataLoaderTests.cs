using WgeoFlows.Matching;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.SampleData;

namespace WgeoFlows.Tests.Matching;

public class SampleDataLoaderTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_fills_empty_tables_once_and_then_does_nothing()
    {
        var partners = storage.NewPartnerStore();
        var reviewers = storage.NewReviewerStore();
        var loader = new SampleDataLoader(partners, reviewers, new PartnerCsvImporter(partners));

        var first = await loader.SeedTablesIfEmptyAsync(Cancel);
        var second = await loader.SeedIfEmptyAsync(Cancel);

        first.Partners.ShouldBe(320);
        first.Reviewers.ShouldBe(14);
        second.ShouldBe(0);
        (await partners.ListAllAsync(Cancel)).Count.ShouldBe(320);
        (await reviewers.ListAllAsync(Cancel)).Count.ShouldBe(14);
        (await reviewers.ListForPlatformAsync("cities", Cancel)).Select(r => r.Role).ShouldBe([ReviewerRole.Primary, ReviewerRole.Backup]);
    }
}
