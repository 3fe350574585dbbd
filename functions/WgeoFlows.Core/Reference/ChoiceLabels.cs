using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace WgeoFlows.Reference;

/// <summary>
/// Reads a choice given by its id or by its label in any of the seven languages, as a form service or a person sends it
/// ("Villes", "المدن", "城市", "Quênia"), and gives the contract's id or country code. Labels are compared after NFKC
/// (full-width letters become ordinary ones), trimmed, case-insensitively, with typographic apostrophes read as "'"; a
/// label matching only once its accents and Arabic vowel marks are dropped ("Energias renovaveis") still counts when it
/// names one id. Countries are read by ISO code, by their English name and by CLDR's name in each language.
/// </summary>
public static class ChoiceLabels
{
    private static readonly Lazy<FrozenDictionary<string, Lookup>> ByPath = new(Build);

    /// <summary>The contract paths whose value is a choice: the taxonomies and the country.</summary>
    public static IReadOnlyCollection<string> Paths => ByPath.Value.Keys;

    /// <summary>The id (or country code) <paramref name="text"/> stands for at the contract path <paramref name="path"/>
    /// (organization.platform, organization.country, contact.language, request.thematicAreas, request.supportTypes,
    /// request.preferredRegions); null when it names none, or names several.</summary>
    public static string? ToId(string path, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !ByPath.Value.TryGetValue(path, out var lookup)) return null;
        var exact = Normal(text);
        if (lookup.Exact.TryGetValue(exact, out var id)) return id;
        return lookup.Loose.TryGetValue(Loose(exact), out var loose) ? loose : null;
    }

    /// <summary>The comparison form: NFKC, trimmed, lower case (invariant), typographic apostrophes as "'".</summary>
    internal static string Normal(string text) =>
        text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Replace('\u2019', '\'').Replace('\u02BC', '\'');

    /// <summary>The normal form without combining marks: accents, and the Arabic short vowels a label may carry or not.</summary>
    private static string Loose(string normal)
    {
        var decomposed = normal.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\u0640') kept.Append(c);
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private sealed record Lookup(FrozenDictionary<string, string> Exact, FrozenDictionary<string, string> Loose);

    private static FrozenDictionary<string, Lookup> Build()
    {
        var countries = CountryCatalog.Default;
        var countryNames = countries.All.Select(c => (c.Code, Names: countries.NamesOf(c).Prepend(c.Code)));
        IEnumerable<(string Id, IEnumerable<string> Names)> Terms(IReadOnlyList<TaxonomyTerm> list) =>
            list.Select(t => (t.Id, t.Labels.Values.Prepend(t.Id)));
        return new Dictionary<string, Lookup>(StringComparer.Ordinal)
        {
            ["organization.platform"] = Index(Terms(Taxonomy.Platforms)),
            ["organization.country"] = Index(countryNames),
            ["contact.language"] = Index(Terms(Taxonomy.Languages)),
            ["request.thematicAreas"] = Index(Terms(Taxonomy.ThematicAreas)),
            ["request.supportTypes"] = Index(Terms(Taxonomy.SupportTypes)),
            ["request.preferredRegions"] = Index(Terms(Taxonomy.Regions)),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every name of every id, in its normal and its loose form; a form two ids share names neither, so that a
    /// label never silently picks one of two meanings.</summary>
    private static Lookup Index(IEnumerable<(string Id, IEnumerable<string> Names)> entries)
    {
        var exact = new Dictionary<string, string?>(StringComparer.Ordinal);
        var loose = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (id, names) in entries)
        {
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(Normal))
            {
                Add(exact, name, id);
                Add(loose, Loose(name), id);
            }
        }
        return new Lookup(Unambiguous(exact), Unambiguous(loose));
    }

    private static void Add(Dictionary<string, string?> map, string name, string id)
    {
        if (map.TryGetValue(name, out var known) && known != id) map[name] = null;
        else map[name] = id;
    }

    private static FrozenDictionary<string, string> Unambiguous(Dictionary<string, string?> map) =>
        map.Where(e => e.Value is not null).ToFrozenDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);
}
