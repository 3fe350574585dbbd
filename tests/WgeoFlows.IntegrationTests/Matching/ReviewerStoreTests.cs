using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Tests.Matching;

public class ReviewerStoreTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Reviewer R(string platform, string email, ReviewerRole role, int stage = 1) => new(platform, stage, email, $"{email} (fictional)", role);

    [Fact]
    public async Task Replacing_all_reviewers_stores_exactly_the_new_list_per_platform()
    {
        var store = storage.NewReviewerStore();
        await store.ReplaceAllAsync([
            R("cities", "old-lead@example.org", ReviewerRole.Primary),
            R("cities", "backup@example.org", ReviewerRole.Backup),
            R("academia-youth", "campus@example.org", ReviewerRole.Primary),
        ], Cancel);

        await store.ReplaceAllAsync([
            R("cities", "backup@example.org", ReviewerRole.Backup),
            R("cities", "New-Lead@Example.org", ReviewerRole.Primary),
            R("civil-society", "ngo@example.net", ReviewerRole.Primary),
        ], Cancel);

        (await store.ListForPlatformAsync("cities", Cancel)).ShouldBe([
            R("cities", "new-lead@example.org", ReviewerRole.Primary) with { Name = "New-Lead@Example.org (fictional)" },
            R("cities", "backup@example.org", ReviewerRole.Backup),
        ]);
        (await store.ListForPlatformAsync("academia-youth", Cancel)).ShouldBeEmpty();
        (await store.ListAllAsync(Cancel)).Select(r => r.Platform).ShouldBe(["cities", "cities", "civil-society"]);
    }

    [Fact]
    public async Task An_invalid_list_is_refused_and_changes_nothing()
    {
        var store = storage.NewReviewerStore();
        await store.ReplaceAllAsync([R("financial-sector", "bank@example.com", ReviewerRole.Primary)], Cancel);
        var before = await store.ListAllAsync(Cancel);

        var refused = await Should.ThrowAsync<ReviewerValidationException>(() => store.ReplaceAllAsync([
            R("financial-sector", "bank@example.com", ReviewerRole.Backup),
            R("moon-base", "not-an-email", ReviewerRole.Primary),
        ], Cancel));

        refused.Errors.Count.ShouldBe(3);
        (await store.ListAllAsync(Cancel)).ShouldBe(before);
    }

    [Fact]
    public async Task Reviewers_are_listed_by_stage_with_primaries_before_backups()
    {
        var store = storage.NewReviewerStore();
        await store.ReplaceAllAsync([
            R("private-sector", "a-backup@example.org", ReviewerRole.Backup, stage: 1),
            R("private-sector", "z-lead@example.org", ReviewerRole.Primary, stage: 1),
            R("private-sector", "b-second@example.org", ReviewerRole.Primary, stage: 2),
        ], Cancel);

        (await store.ListForPlatformAsync("private-sector", Cancel)).Select(r => r.Email)
            .ShouldBe(["z-lead@example.org", "a-backup@example.org", "b-second@example.org"]);
    }
}
