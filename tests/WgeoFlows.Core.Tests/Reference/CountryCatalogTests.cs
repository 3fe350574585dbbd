using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Reference;

public class CountryCatalogTests
{
    private static readonly CountryCatalog Catalog = CountryCatalog.Default;

    [Theory]
    [InlineData("KE", "africa", true)]
    [InlineData("NG", "africa", true)]
    [InlineData("ZA", "africa", true)]
    [InlineData("EG", "arab-states", true)]
    [InlineData("SA", "arab-states", true)]
    [InlineData("MA", "arab-states", true)]
    [InlineData("SO", "arab-states", true)]
    [InlineData("KM", "arab-states", true)]
    [InlineData("AE", "arab-states", true)]
    [InlineData("BR", "latin-america-caribbean", true)]
    [InlineData("MX", "latin-america-caribbean", true)]
    [InlineData("JM", "latin-america-caribbean", true)]
    [InlineData("CN", "asia", true)]
    [InlineData("IN", "asia", true)]
    [InlineData("KZ", "asia", true)]
    [InlineData("GE", "asia", true)]
    [InlineData("SG", "asia", true)]
    [InlineData("JP", "asia", false)]
    [InlineData("KR", "asia", false)]
    [InlineData("IL", "asia", false)]
    [InlineData("DE", "europe", false)]
    [InlineData("RU", "europe", false)]
    [InlineData("US", "north-america", false)]
    [InlineData("CA", "north-america", false)]
    [InlineData("GL", "north-america", false)]
    [InlineData("BM", "north-america", false)]
    [InlineData("PM", "north-america", false)]
    [InlineData("FJ", "oceania", true)]
    [InlineData("AU", "oceania", false)]
    [InlineData("NZ", "oceania", false)]
    public void Places_a_country_in_its_contract_region_and_development_group(string code, string region, bool globalSouth)
    {
        var country = Catalog.Find(code).ShouldNotBeNull();

        country.Region.ShouldBe(region);
        country.GlobalSouth.ShouldBe(globalSouth);
    }

    [Fact]
    public void Puts_every_member_of_the_League_of_Arab_States_in_arab_states_and_no_one_else()
    {
        string[] members = ["DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"];

        Catalog.All.Where(c => c.Region == "arab-states").Select(c => c.Code).Order()
            .ShouldBe(members.Order());
    }

    [Fact]
    public void Keeps_the_M49_region_and_sub_region_of_a_country()
    {
        var kenya = Catalog.Find("KE")!;
        kenya.M49Region.ShouldBe("Africa");
        kenya.M49SubRegion.ShouldBe("Eastern Africa");

        var egypt = Catalog.Find("EG")!;
        egypt.M49Region.ShouldBe("Africa");
        egypt.M49SubRegion.ShouldBe("Northern Africa");

        Catalog.Find("BR")!.M49Region.ShouldBe("Americas");
    }

    [Theory]
    [InlineData("ke")]
    [InlineData("Ke")]
    [InlineData(" KE ")]
    public void Finds_a_code_whatever_its_case(string code) =>
        Catalog.Find(code)!.Name.ShouldBe("Kenya");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("XX")]
    [InlineData("KEN")]
    [InlineData("K")]
    public void Finds_nothing_for_an_unknown_or_empty_code(string? code) =>
        Catalog.Find(code).ShouldBeNull();

    [Fact]
    public void Holds_every_assigned_code_once_as_two_upper_case_letters()
    {
        Catalog.All.Count.ShouldBeGreaterThanOrEqualTo(245);
        Catalog.All.ShouldAllBe(c => c.Code.Length == 2 && c.Code.All(char.IsAsciiLetterUpper));
        Catalog.All.Select(c => c.Code).Distinct().Count().ShouldBe(Catalog.All.Count);
    }

    [Fact]
    public void Gives_every_country_a_name_a_contract_region_and_an_M49_region()
    {
        string[] m49Regions = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

        Catalog.All.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Name) && Taxonomy.IsRegion(c.Region)
            && m49Regions.Contains(c.M49Region) && c.M49SubRegion.Length > 0);
    }

    [Fact]
    public void Uses_every_contract_region()
    {
        Catalog.All.Select(c => c.Region).Distinct().Order()
            .ShouldBe(Taxonomy.Regions.Select(r => r.Id).Order());
    }

    [Fact]
    public void Names_its_sources()
    {
        Catalog.Sources.ShouldContain(s => s.Contains("M49"));
        Catalog.Sources.ShouldContain(s => s.Contains("UNCTAD"));
    }

    [Fact]
    public void Refuses_a_catalog_with_a_duplicate_code() =>
        Should.Throw<ArgumentException>(() => new CountryCatalog(
            [new Country("KE", "Kenya", "africa", "Africa", true), new Country("ke", "Kenya again", "africa", "Africa", true)]));

    [Fact]
    public void Refuses_a_catalog_with_an_unknown_region() =>
        Should.Throw<ArgumentException>(() => new CountryCatalog([new Country("KE", "Kenya", "east-africa", "Africa", true)]));
}
