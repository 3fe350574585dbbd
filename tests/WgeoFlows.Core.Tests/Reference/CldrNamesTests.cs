using WgeoFlows.Localization;
using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Reference;

/// <summary>The names of countries and languages in the seven languages are CLDR's, as the pinned npm packages hold them:
/// the generated files (tools/cldr/country-names.mjs) are neither edited by hand nor left behind a CLDR update.</summary>
public sealed class CldrNamesTests
{
    private static readonly CountryCatalog Countries = CountryCatalog.Default;

    [Fact]
    public void The_names_come_from_the_CLDR_release_package_json_pins()
    {
        Countries.CldrVersion.ShouldBe(CldrData.Version("cldr-localenames-modern"));
        LanguageNames.CldrVersion.ShouldBe(CldrData.Version("cldr-localenames-modern"));
        CldrData.Version("cldr-core").ShouldBe(CldrData.Version("cldr-localenames-modern"), "plural rules and names from one CLDR release");
    }

    [Fact]
    public void Every_country_is_named_in_each_language_as_CLDR_names_it_and_in_English_by_its_ISO_name()
    {
        foreach (var language in Languages.Codes)
        {
            var cldr = CldrData.DisplayNames(language, "territories");
            foreach (var country in Countries.All)
            {
                var name = Countries.NameIn(country.Code, language);
                name.ShouldNotBeNullOrWhiteSpace($"{country.Code} in {language}");
                name.ShouldBe(language == Languages.Default ? country.Name : cldr[country.Code], $"{country.Code} in {language}");
                Countries.NamesOf(country).ShouldContain(cldr[country.Code], $"CLDR's {language} name of {country.Code}");
            }
        }
    }

    [Theory]
    [InlineData("CN", "zh", "中国")]
    [InlineData("EG", "ar", "مصر")]
    [InlineData("KZ", "ru", "Казахстан")]
    [InlineData("MZ", "pt", "Moçambique")]
    [InlineData("SN", "fr", "Sénégal")]
    [InlineData("CO", "es", "Colombia")]
    [InlineData("VN", "en", "Viet Nam")]
    [InlineData("KE", "xx", "Kenya")]
    public void Names_a_country_in_the_language_asked(string code, string language, string expected) =>
        Countries.NameIn(code, language).ShouldBe(expected);

    [Fact]
    public void Shows_an_unknown_code_as_itself() => Countries.NameIn("XX", "fr").ShouldBe("XX");

    [Fact]
    public void Every_language_of_the_taxonomy_is_named_as_CLDR_names_it_with_a_capital_first_letter()
    {
        foreach (var language in Languages.Codes)
        {
            var cldr = CldrData.DisplayNames(language, "languages");
            var culture = Languages.Resolve(language).Culture;
            foreach (var term in Taxonomy.Languages)
            {
                var name = cldr[term.Id];
                term.Label(language).ShouldBe(char.ToUpper(name[0], culture) + name[1..], $"{term.Id} in {language}");
            }
        }
    }
}
