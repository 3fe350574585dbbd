using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Tests.Matching;

public class ReviewerValidatorTests
{
    private static Reviewer Primary(string platform = "cities", string email = "lead@example.org") => new(platform, 1, email, "Lead (fictional)", ReviewerRole.Primary);
    private static Reviewer Backup(string platform = "cities", string email = "backup@example.org") => new(platform, 1, email, "Backup (fictional)", ReviewerRole.Backup);

    [Fact]
    public void A_primary_and_a_backup_per_platform_is_valid()
    {
        ReviewerValidator.Validate([Primary(), Backup(), Primary("academia-youth")]).ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_list_is_valid()
    {
        ReviewerValidator.Validate([]).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_platform_is_refused()
    {
        ReviewerValidator.Validate([Primary("space-agencies")]).ShouldHaveSingleItem().ShouldStartWith("reviewers[0].platform");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Lead <lead@example.org>")]
    [InlineData("lead/ops@example.org")]
    [InlineData("lead@localhost")]
    public void A_bad_email_is_refused(string email)
    {
        ReviewerValidator.Validate([Primary(email: email)]).ShouldContain(e => e.StartsWith("reviewers[0].email"));
    }

    [Fact]
    public void A_platform_with_reviewers_but_no_primary_is_refused()
    {
        ReviewerValidator.Validate([Primary(), Backup(), Backup("civil-society")])
            .ShouldHaveSingleItem().ShouldBe("civil-society: stage 1 has reviewers but no primary reviewer.");
    }

    [Fact]
    public void The_same_email_twice_on_one_platform_and_stage_is_refused()
    {
        ReviewerValidator.Validate([Primary(), Backup(email: "LEAD@example.org")]).ShouldHaveSingleItem().ShouldContain("listed twice");
    }

    [Fact]
    public void A_missing_name_and_a_stage_below_one_are_refused()
    {
        var errors = ReviewerValidator.Validate([new Reviewer("cities", 0, "lead@example.org", " ", ReviewerRole.Primary)]);

        errors.ShouldBe(["reviewers[0].stage: must be 1 or more.", "reviewers[0].name: is required."]);
    }

    [Fact]
    public void A_null_entry_is_refused_not_thrown_on()
    {
        ReviewerValidator.Validate([Primary(), null]).ShouldHaveSingleItem().ShouldBe("reviewers[1]: is empty.");
    }
}
