using System.Text.RegularExpressions;
using WgeoFlows.Localization;
using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Localization;

/// <summary>
/// The seven catalogs hold the same keys: none misses a text another has, a text that depends on a count has exactly its
/// language's plural categories, and no catalog keeps a key that no template or code reads.
/// </summary>
public sealed partial class CatalogKeysTests
{
    private static readonly TextCatalog Catalog = TextCatalog.Default;

    /// <summary>Keys composed at run time from reference data, not written out in a template or in code: each family
    /// names the keys it reads, so that those keys count as used and a missing one as missing.</summary>
    private static IEnumerable<string> ComposedKeys() =>
        // taxonomy.{list}.{id}: the label of every taxonomy term but the languages (which CLDR names), read by TaxonomyTerm.Label.
        Taxonomy.CatalogLabelled.SelectMany(list => list).Select(term => term.CatalogKey);

    [Fact]
    public void Every_catalog_holds_the_English_catalogs_keys_and_no_other()
    {
        var english = BaseKeys(Languages.Default);
        english.ShouldNotBeEmpty();
        foreach (var language in Languages.Codes.Where(c => c != Languages.Default))
        {
            var keys = BaseKeys(language);
            english.Except(keys).Order(StringComparer.Ordinal).ShouldBeEmpty($"keys the {language} catalog misses");
            keys.Except(english).Order(StringComparer.Ordinal).ShouldBeEmpty($"keys only the {language} catalog has");
        }
    }

    [Fact]
    public void A_counted_text_has_exactly_its_languages_plural_categories()
    {
        var counted = Languages.Codes.SelectMany(l => Catalog.Entries(l).Keys).Where(k => k.Contains(PluralRules.Separator, StringComparison.Ordinal))
            .Select(k => k.Split(PluralRules.Separator)[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var language in Languages.Codes)
        {
            var entries = Catalog.Entries(language).Keys.ToList();
            foreach (var key in counted)
            {
                var categories = entries.Where(k => k.StartsWith(key + PluralRules.Separator, StringComparison.Ordinal))
                    .Select(k => k[(key.Length + 1)..]).Order(StringComparer.Ordinal);
                categories.ShouldBe(PluralRules.CategoriesOf(language).Order(StringComparer.Ordinal), $"{language}: {key}");
            }
        }
    }

    [Fact]
    public void Every_key_is_read_by_a_template_or_by_code()
    {
        var sources = string.Join('\n', SourceFiles().Select(File.ReadAllText));
        var quoted = QuotedKey().Matches(sources).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        quoted.UnionWith(ComposedKeys());
        BaseKeys(Languages.Default).Where(k => !quoted.Contains(k)).Order(StringComparer.Ordinal).ShouldBeEmpty("keys nothing reads");
    }

    [Fact]
    public void Every_key_a_template_or_code_reads_is_in_the_catalog()
    {
        var english = BaseKeys(Languages.Default);
        var sources = string.Join('\n', SourceFiles().Select(File.ReadAllText));
        var read = QuotedKey().Matches(sources).Select(m => m.Groups["key"].Value)
            .Where(k => CatalogAreas.Any(a => k.StartsWith(a + ".", StringComparison.Ordinal)))
            .Concat(ComposedKeys()).ToHashSet(StringComparer.Ordinal);
        read.Except(english).Order(StringComparer.Ordinal).ShouldBeEmpty("keys read but not in the catalog");
    }

    /// <summary>The first segment of every catalog key: a quoted "area.something" in the sources is a key read.</summary>
    private static IEnumerable<string> CatalogAreas => BaseKeys(Languages.Default).Select(k => k.Split('.')[0]).Distinct();

    private static HashSet<string> BaseKeys(string language) =>
        Catalog.Entries(language).Keys.Select(k => k.Split(PluralRules.Separator)[0]).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles()
    {
        var core = Path.Combine(RepositoryRoot(), "functions", "WgeoFlows.Core");
        return Directory.EnumerateFiles(core, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".liquid", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No WgeoFlows.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("""["'](?<key>[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+)["']""")]
    private static partial Regex QuotedKey();
}
