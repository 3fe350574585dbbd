using WgeoFlows.Reference;
using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Tests.Review.Reviewers;

/// <summary>The summary's warnings: every platform without a primary reviewer, and a platform whose primary reviewers' mails
/// all bounced; a platform with one reachable primary, or with only its backup bounced, is fine.</summary>
public sealed class ReviewerWarningsTests
{
    [Fact]
    public void Platforms_without_a_primary_or_whose_primaries_all_bounced_are_warned_about_in_taxonomy_order()
    {
        Reviewer[] primaries =
        [
            new("cities", 1, "lead@example.org", "Lead", ReviewerRole.Primary),
            new("public-sector", 1, "one@example.org", "One", ReviewerRole.Primary),
            new("public-sector", 1, "two@example.org", "Two", ReviewerRole.Primary),
            new("private-sector", 1, "only@example.org", "Only", ReviewerRole.Primary),
            new("financial-sector", 1, "fin@example.org", "Fin", ReviewerRole.Primary),
            new("civil-society", 1, "cs@example.org", "CS", ReviewerRole.Primary),
        ];
        var bounced = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ONLY@example.org", "one@example.org" };

        var warnings = ReviewerWarnings.Of(primaries, bounced);

        warnings.Select(w => (w.Kind, w.Platform)).ShouldBe(
        [
            (ReviewerWarnings.MailsBounced, "private-sector"),
            (ReviewerWarnings.NoPrimaryReviewer, "academia-youth"),
            (ReviewerWarnings.NoPrimaryReviewer, "international-organizations"),
        ], ignoreOrder: true);
        warnings.Select(w => w.Platform).ShouldBe(Taxonomy.Platforms.Select(p => p.Id).Where(id => warnings.Any(w => w.Platform == id)));
        warnings.Single(w => w.Platform == "private-sector").Message.ShouldContain("Private sector");
    }
}
