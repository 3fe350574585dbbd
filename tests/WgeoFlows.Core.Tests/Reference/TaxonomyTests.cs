using WgeoFlows.Localization;
using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Reference;

public class TaxonomyTests
{
    [Fact]
    public void Lists_the_seven_platforms_of_the_contract() =>
        Taxonomy.Platforms.Select(p => p.Id).ShouldBe([
            "public-sector", "private-sector", "financial-sector", "cities", "academia-youth",
            "civil-society", "international-organizations"]);

    [Fact]
    public void Lists_the_thematic_areas_of_the_contract() =>
        Taxonomy.ThematicAreas.Select(p => p.Id).ShouldBe([
            "renewable-energy", "energy-efficiency", "sustainable-agriculture", "water-management",
            "circular-economy", "green-finance", "sustainable-cities", "green-buildings", "sustainable-transport",
            "climate-adaptation", "biodiversity", "green-jobs-skills", "sustainable-tourism", "green-industry",
            "policy-governance"]);

    [Fact]
    public void Lists_the_support_types_of_the_contract() =>
        Taxonomy.SupportTypes.Select(p => p.Id).ShouldBe([
            "technical-assistance", "capacity-building", "knowledge-exchange", "financing", "policy-advisory",
            "technology-transfer"]);

    [Fact]
    public void Lists_the_regions_of_the_contract() =>
        Taxonomy.Regions.Select(p => p.Id).ShouldBe([
            "africa", "asia", "latin-america-caribbean", "arab-states", "europe", "north-america", "oceania"]);

    [Fact]
    public void Lists_the_languages_of_the_contract() =>
        Taxonomy.Languages.Select(p => p.Id).ShouldBe(["en", "fr", "es", "ar", "zh", "ru", "pt"]);

    [Fact]
    public void Labels_every_term_in_each_of_the_seven_languages_with_its_own_words()
    {
        var all = Taxonomy.Platforms.Concat(Taxonomy.ThematicAreas).Concat(Taxonomy.SupportTypes)
            .Concat(Taxonomy.Regions).Concat(Taxonomy.Languages).ToList();

        foreach (var term in all)
        {
            term.Labels.Keys.Order().ShouldBe(Languages.Codes.Order(), term.Id);
            term.Labels.Values.ShouldAllBe(l => !string.IsNullOrWhiteSpace(l) && l != term.Id, term.Id);
            // Written for each language, not the English label copied: at least the scripts differ.
            term.Label("ar").ShouldNotBe(term.Label("en"), term.Id);
            term.Label("zh").ShouldNotBe(term.Label("en"), term.Id);
            term.Label("ru").ShouldNotBe(term.Label("en"), term.Id);
        }
    }

    [Fact]
    public void Names_the_languages_as_CLDR_does_capitalised_for_a_list()
    {
        Taxonomy.Label(Taxonomy.Languages, "ar", "fr").ShouldBe("Arabe");
        Taxonomy.Label(Taxonomy.Languages, "zh", "zh").ShouldBe("中文");
        Taxonomy.Label(Taxonomy.Languages, "pt", "ru").ShouldBe("Португальский");
        Taxonomy.Label(Taxonomy.Languages, "en", "ar").ShouldBe("الإنجليزية");
    }

    [Fact]
    public void Recognises_the_ids_of_each_taxonomy_and_nothing_else()
    {
        Taxonomy.IsPlatform("cities").ShouldBeTrue();
        Taxonomy.IsPlatform("renewable-energy").ShouldBeFalse();
        Taxonomy.IsThematicArea("renewable-energy").ShouldBeTrue();
        Taxonomy.IsThematicArea("financing").ShouldBeFalse();
        Taxonomy.IsSupportType("financing").ShouldBeTrue();
        Taxonomy.IsSupportType("cities").ShouldBeFalse();
        Taxonomy.IsRegion("arab-states").ShouldBeTrue();
        Taxonomy.IsRegion("KE").ShouldBeFalse();
        Taxonomy.IsLanguage("pt").ShouldBeTrue();
        Taxonomy.IsLanguage("de").ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Cities")]
    [InlineData(" cities")]
    public void Compares_ids_exactly(string? id) => Taxonomy.IsPlatform(id).ShouldBeFalse();

    [Theory]
    [InlineData("en", "Renewable energy")]
    [InlineData("fr", "Énergies renouvelables")]
    [InlineData("es", "Energías renovables")]
    [InlineData("pt", "Energias renováveis")]
    [InlineData("ru", "Возобновляемая энергетика")]
    [InlineData("ar", "الطاقة المتجددة")]
    [InlineData("zh", "可再生能源")]
    [InlineData("xx", "Renewable energy")]
    public void Labels_a_term_in_the_language_asked_falling_back_to_English(string language, string expected) =>
        Taxonomy.Label(Taxonomy.ThematicAreas, "renewable-energy", language).ShouldBe(expected);

    [Fact]
    public void Labels_an_unknown_id_with_the_id_itself() =>
        Taxonomy.Label(Taxonomy.Platforms, "retired-platform").ShouldBe("retired-platform");

    [Fact]
    public void Finds_a_term_by_id() =>
        Taxonomy.Find(Taxonomy.Regions, "latin-america-caribbean")!.Label("en").ShouldBe("Latin America and the Caribbean");
}
