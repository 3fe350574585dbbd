using System.Collections.Frozen;

namespace WgeoFlows.Reference;

/// <summary>The partnership's taxonomies (docs/integrators.md), read once from the embedded taxonomy.json: change
/// or extend a taxonomy there, not in code (and add the new id's label to every catalog). Ids are lower case and compared
/// exactly (ordinal): normalise input before asking, or read a label with <see cref="ChoiceLabels"/>.</summary>
public static class Taxonomy
{
    /// <summary>The name of the languages' list, whose labels come from CLDR rather than from the catalog.</summary>
    public const string LanguagesList = "languages";

    private static readonly TaxonomyFile Data = EmbeddedReferenceData.Read<TaxonomyFile>("taxonomy");

    /// <summary>The seven partnership platforms.</summary>
    public static IReadOnlyList<TaxonomyTerm> Platforms { get; } = Terms("platforms", Data.Platforms);
    public static IReadOnlyList<TaxonomyTerm> ThematicAreas { get; } = Terms("thematicAreas", Data.ThematicAreas);
    /// <summary>The modalities of support a request can ask for and a partner can offer.</summary>
    public static IReadOnlyList<TaxonomyTerm> SupportTypes { get; } = Terms("supportTypes", Data.SupportTypes);
    /// <summary>The contract regions; every <see cref="Country.Region"/> is one of them.</summary>
    public static IReadOnlyList<TaxonomyTerm> Regions { get; } = Terms("regions", Data.Regions);
    /// <summary>The languages a requester can be written to in: en fr es ar zh ru pt.</summary>
    public static IReadOnlyList<TaxonomyTerm> Languages { get; } = Terms(LanguagesList, Data.Languages);

    /// <summary>Every list whose labels the catalog holds (all but the languages).</summary>
    public static IReadOnlyList<IReadOnlyList<TaxonomyTerm>> CatalogLabelled => [Platforms, ThematicAreas, SupportTypes, Regions];

    private static readonly FrozenSet<string> PlatformIds = IdsOf(Platforms);
    private static readonly FrozenSet<string> ThematicAreaIds = IdsOf(ThematicAreas);
    private static readonly FrozenSet<string> SupportTypeIds = IdsOf(SupportTypes);
    private static readonly FrozenSet<string> RegionIds = IdsOf(Regions);
    private static readonly FrozenSet<string> LanguageIds = IdsOf(Languages);

    public static bool IsPlatform(string? id) => id is not null && PlatformIds.Contains(id);
    public static bool IsThematicArea(string? id) => id is not null && ThematicAreaIds.Contains(id);
    public static bool IsSupportType(string? id) => id is not null && SupportTypeIds.Contains(id);
    public static bool IsRegion(string? id) => id is not null && RegionIds.Contains(id);
    public static bool IsLanguage(string? id) => id is not null && LanguageIds.Contains(id);

    /// <summary>The term with this id in <paramref name="list"/>, or null.</summary>
    public static TaxonomyTerm? Find(IReadOnlyList<TaxonomyTerm> list, string? id) =>
        id is null ? null : list.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>The label of <paramref name="id"/> in <paramref name="language"/>, falling back to English,
    /// then to the id itself (so an id retired from the taxonomy still shows as something readable).</summary>
    public static string Label(IReadOnlyList<TaxonomyTerm> list, string id, string language = Localization.Languages.Default) =>
        Find(list, id)?.Label(language) ?? id;

    private static List<TaxonomyTerm> Terms(string list, IReadOnlyList<string> ids) => [.. ids.Select(id => new TaxonomyTerm(list, id))];

    private static FrozenSet<string> IdsOf(IReadOnlyList<TaxonomyTerm> terms) =>
        terms.Select(t => t.Id).ToFrozenSet(StringComparer.Ordinal);

    private sealed record TaxonomyFile(
        IReadOnlyList<string> Platforms,
        IReadOnlyList<string> ThematicAreas,
        IReadOnlyList<string> SupportTypes,
        IReadOnlyList<string> Regions,
        IReadOnlyList<string> Languages);
}
