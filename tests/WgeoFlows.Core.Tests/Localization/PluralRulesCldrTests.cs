using System.Text.Json;
using WgeoFlows.Localization;
using WgeoFlows.Tests.Reference;

namespace WgeoFlows.Tests.Localization;

/// <summary><see cref="PluralRules"/> against CLDR's own plurals.json: every whole-number sample CLDR lists for a category
/// of one of the seven languages falls in that category, and each language has exactly CLDR's categories.</summary>
public sealed class PluralRulesCldrTests
{
    private static readonly JsonElement Cardinals =
        CldrData.Read("cldr-core", "supplemental", "plurals.json").GetProperty("supplemental").GetProperty("plurals-type-cardinal");

    public static TheoryData<string> LanguageCodes => new(Languages.Codes);

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void Every_integer_sample_of_every_category_falls_in_that_category(string language)
    {
        var checkedSamples = 0;
        foreach (var (category, rule) in Rules(language))
        {
            foreach (var n in IntegerSamples(rule))
            {
                PluralRules.Category(language, n).ShouldBe(category, $"{language}: {n}");
                checkedSamples++;
            }
        }
        checkedSamples.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void A_language_has_exactly_CLDR_s_categories(string language) =>
        PluralRules.CategoriesOf(language).Order(StringComparer.Ordinal).ShouldBe(Rules(language).Select(r => r.Category).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("2~5, 17, …", new long[] { 2, 3, 4, 5, 17 })]
    [InlineData("1000000, 1c6, 2c6, …", new long[] { 1_000_000 })]
    [InlineData("", new long[0])]
    public void Samples_are_read_as_CLDR_writes_them(string samples, long[] expected) =>
        IntegerSamples("x @integer " + samples + " @decimal 1.5").ShouldBe(expected);

    private static IEnumerable<(string Category, string Rule)> Rules(string language) =>
        Cardinals.GetProperty(language).EnumerateObject().Select(p => (p.Name["pluralRule-count-".Length..], p.Value.GetString()!));

    /// <summary>The @integer samples of a rule: "2~16" expanded, "…" and compact forms ("1c6", counted in exponents, which
    /// the catalog's whole counts never use) left out.</summary>
    private static List<long> IntegerSamples(string rule)
    {
        var start = rule.IndexOf("@integer", StringComparison.Ordinal);
        if (start < 0) return [];
        var text = rule[(start + "@integer".Length)..];
        var end = text.IndexOf("@decimal", StringComparison.Ordinal);
        if (end >= 0) text = text[..end];
        var samples = new List<long>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item is "…" or "..." || item.Contains('c', StringComparison.Ordinal) || item.Contains('e', StringComparison.Ordinal)) continue;
            var range = item.Split('~');
            var from = long.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
            var to = range.Length == 2 ? long.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture) : from;
            for (var n = from; n <= to; n++) samples.Add(n);
        }
        return samples;
    }
}
