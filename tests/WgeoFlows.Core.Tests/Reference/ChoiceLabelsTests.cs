using WgeoFlows.Localization;
using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Reference;

/// <summary>A choice given by its label in any of the seven languages, or by its id or code, reads as the contract's id.</summary>
public sealed class ChoiceLabelsTests
{
    [Theory]
    [InlineData("organization.platform", "المجتمع المدني", "civil-society")]
    [InlineData("organization.platform", "城市", "cities")]
    [InlineData("organization.platform", "Частный сектор", "private-sector")]
    [InlineData("organization.platform", "Setor público", "public-sector")]
    [InlineData("request.thematicAreas", "الطاقة المتجددة", "renewable-energy")]
    [InlineData("request.thematicAreas", "可再生能源", "renewable-energy")]
    [InlineData("request.thematicAreas", "возобновляемая энергетика", "renewable-energy")]
    [InlineData("request.thematicAreas", "ENERGIAS RENOVÁVEIS", "renewable-energy")]
    [InlineData("request.thematicAreas", "  Energias renovaveis ", "renewable-energy")]
    [InlineData("request.thematicAreas", "Gestion de l’eau", "water-management")]
    [InlineData("request.supportTypes", "بناء القدرات", "capacity-building")]
    [InlineData("request.supportTypes", "技术转让", "technology-transfer")]
    [InlineData("request.supportTypes", "Передача технологий", "technology-transfer")]
    [InlineData("request.supportTypes", "Assistência técnica", "technical-assistance")]
    [InlineData("request.preferredRegions", "الدول العربية", "arab-states")]
    [InlineData("request.preferredRegions", "拉丁美洲和加勒比", "latin-america-caribbean")]
    [InlineData("request.preferredRegions", "Латинская Америка и Карибский бассейн", "latin-america-caribbean")]
    [InlineData("request.preferredRegions", "América do Norte", "north-america")]
    [InlineData("contact.language", "العربية", "ar")]
    [InlineData("contact.language", "中文", "zh")]
    [InlineData("contact.language", "русский", "ru")]
    [InlineData("contact.language", "Português", "pt")]
    [InlineData("contact.language", "PT", "pt")]
    [InlineData("organization.country", "مصر", "EG")]
    [InlineData("organization.country", "中国", "CN")]
    [InlineData("organization.country", "Казахстан", "KZ")]
    [InlineData("organization.country", "Moçambique", "MZ")]
    [InlineData("organization.country", "mocambique", "MZ")]
    [InlineData("organization.country", "Viet Nam", "VN")]
    [InlineData("organization.country", "Vietnam", "VN")]
    [InlineData("organization.country", "Côte d'Ivoire", "CI")]
    [InlineData("organization.country", "ke", "KE")]
    public void Reads_a_label_in_any_language_or_an_id_as_the_id(string path, string label, string id) =>
        ChoiceLabels.ToId(path, label).ShouldBe(id);

    [Fact]
    public void Reads_full_width_letters_as_ordinary_ones() =>
        // "ＣＩＴＩＥＳ" as a Chinese or Japanese keyboard may type it.
        ChoiceLabels.ToId("organization.platform", "\uFF23\uFF49\uFF54\uFF49\uFF45\uFF53").ShouldBe("cities");

    [Theory]
    [InlineData("organization.platform", "Space agencies")]
    [InlineData("organization.platform", "renewable-energy")]
    [InlineData("request.thematicAreas", "")]
    [InlineData("request.thematicAreas", null)]
    [InlineData("organization.country", "Atlantis")]
    [InlineData("request.title", "Cities")]
    public void Reads_nothing_from_an_unknown_label_or_path(string path, string? label) =>
        ChoiceLabels.ToId(path, label).ShouldBeNull();

    [Fact]
    public void Reads_every_label_of_every_term_in_every_language_back_as_its_id()
    {
        var lists = new Dictionary<string, IReadOnlyList<TaxonomyTerm>>
        {
            ["organization.platform"] = Taxonomy.Platforms,
            ["request.thematicAreas"] = Taxonomy.ThematicAreas,
            ["request.supportTypes"] = Taxonomy.SupportTypes,
            ["request.preferredRegions"] = Taxonomy.Regions,
            ["contact.language"] = Taxonomy.Languages,
        };
        foreach (var (path, terms) in lists)
        {
            foreach (var term in terms)
            {
                foreach (var language in Languages.Codes) ChoiceLabels.ToId(path, term.Label(language)).ShouldBe(term.Id, $"{path} {language}");
            }
        }
        foreach (var country in CountryCatalog.Default.All)
        {
            foreach (var language in Languages.Codes)
            {
                ChoiceLabels.ToId("organization.country", CountryCatalog.Default.NameIn(country.Code, language)).ShouldBe(country.Code, language);
            }
        }
    }
}
