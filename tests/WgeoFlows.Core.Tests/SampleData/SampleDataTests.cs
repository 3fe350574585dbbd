using WgeoFlows.Matching;
using WgeoFlows.Reference;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.SampleData;

namespace WgeoFlows.Tests.SampleData;

public class SampleDataTests
{
    private static readonly IReadOnlyList<Partner> Partners = LoadPartners();

    private static IReadOnlyList<Partner> LoadPartners()
    {
        var plan = PartnerImportPlanner.Plan(PartnerCsvReader.Read(SampleDataLoader.LoadSamplePartnersCsv()), new Dictionary<string, Partner>(), CountryCatalog.Default);
        plan.Report.FileError.ShouldBeNull();
        plan.Report.Rows.Where(r => !r.Accepted).ShouldBeEmpty();
        return plan.ToWrite;
    }

    [Fact]
    public void The_sample_partners_import_cleanly_and_number_at_least_300() => Partners.Count.ShouldBeGreaterThanOrEqualTo(300);

    [Fact]
    public void The_sample_partners_cover_every_platform_region_thematic_area_support_type_and_language()
    {
        Partners.Select(p => p.Platform).Distinct().ShouldBe(Taxonomy.Platforms.Select(t => t.Id), ignoreOrder: true);
        Partners.Select(p => p.Region).Distinct().ShouldBe(Taxonomy.Regions.Select(t => t.Id), ignoreOrder: true);
        Partners.SelectMany(p => p.ThematicAreas).Distinct().ShouldBe(Taxonomy.ThematicAreas.Select(t => t.Id), ignoreOrder: true);
        Partners.SelectMany(p => p.SupportTypes).Distinct().ShouldBe(Taxonomy.SupportTypes.Select(t => t.Id), ignoreOrder: true);
        Partners.SelectMany(p => p.Languages).Distinct().ShouldBe(Taxonomy.Languages.Select(t => t.Id), ignoreOrder: true);
    }

    [Fact]
    public void The_sample_partners_are_mostly_Global_South_with_every_role_and_northern_funders()
    {
        Partners.Count(p => p.GlobalSouth).ShouldBeGreaterThan(Partners.Count / 2);
        Partners.Select(p => p.Role).Distinct().ShouldBe([PartnerRole.Provider, PartnerRole.Funder, PartnerRole.Both], ignoreOrder: true);
        Partners.ShouldContain(p => !p.GlobalSouth && p.Funds);
        Partners.ShouldContain(p => !p.GlobalSouth && p.Role == PartnerRole.Provider);
    }

    [Fact]
    public void The_sample_data_is_marked_fictional_and_uses_only_example_domains()
    {
        var reviewers = SampleDataLoader.LoadSampleReviewers();
        Partners.ShouldAllBe(p => p.Name.EndsWith("(fictional)"));
        reviewers.ShouldAllBe(r => r.Name.EndsWith("(fictional)"));
        string[] domains = ["@example.org", "@example.net", "@example.com"];
        Partners.Select(p => p.Email).Concat(reviewers.Select(r => r.Email)).ShouldAllBe(e => domains.Any(e.EndsWith));
    }

    [Fact]
    public void The_sample_reviewers_are_valid_with_a_primary_and_a_backup_for_every_platform_at_stage_1()
    {
        var reviewers = SampleDataLoader.LoadSampleReviewers();

        ReviewerValidator.Validate(reviewers).ShouldBeEmpty();
        foreach (var platform in Taxonomy.Platforms.Select(t => t.Id))
        {
            reviewers.Where(r => r.Platform == platform && r.Stage == 1).Select(r => r.Role)
                .ShouldBe([ReviewerRole.Primary, ReviewerRole.Backup], ignoreOrder: true);
        }
    }
}
