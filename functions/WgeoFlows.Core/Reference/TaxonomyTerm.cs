using WgeoFlows.Localization;

namespace WgeoFlows.Reference;

/// <summary>One term of a taxonomy: a stable lower-case id (part of the public contract) in its list. Its label in each
/// language is the catalog entry <see cref="CatalogKey"/>; the languages' own list is named by CLDR instead.</summary>
/// <param name="List">The taxonomy's name in taxonomy.json: platforms, thematicAreas, supportTypes, regions, languages.</param>
public sealed record TaxonomyTerm(string List, string Id)
{
    /// <summary>The catalog key of the label: <c>taxonomy.platforms.cities</c>.</summary>
    public string CatalogKey => $"taxonomy.{List}.{Id}";

    /// <summary>The label in <paramref name="language"/>, else English (an unserved language reads the English catalog),
    /// else the id.</summary>
    public string Label(string language = Languages.Default) =>
        List == Taxonomy.LanguagesList
            ? LanguageNames.NameIn(Id, language) ?? Id
            : TextCatalog.Default.Lookup(Languages.Resolve(language), CatalogKey) ?? Id;

    /// <summary>The label in each of the seven languages, for reading a choice given by its label.</summary>
    public IReadOnlyDictionary<string, string> Labels => Languages.Codes.ToDictionary(code => code, Label, StringComparer.Ordinal);
}
