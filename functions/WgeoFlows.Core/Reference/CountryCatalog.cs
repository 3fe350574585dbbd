using System.Collections.Frozen;

namespace WgeoFlows.Reference;

/// <summary>The countries and areas a partner organisation can be based in, with their regions and
/// Global South membership. <see cref="Default"/> is read once from the embedded countries.json, which
/// names its sources.</summary>
public sealed class CountryCatalog
{
    private static readonly Lazy<CountryCatalog> DefaultCatalog = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Country> _byCode;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _names;

    /// <param name="names">Code → (language → name), CLDR's names; without them every language reads the English name.</param>
    /// <exception cref="ArgumentException">A code is not two letters A–Z, appears twice, or a region is not a contract region.</exception>
    public CountryCatalog(IEnumerable<Country> countries, IReadOnlyList<string>? sources = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? names = null, string cldrVersion = "")
    {
        var map = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries)
        {
            if (country.Code.Length != 2 || !country.Code.All(char.IsAsciiLetterUpper))
                throw new ArgumentException($"Country code '{country.Code}' is not two upper-case letters.", nameof(countries));
            if (!Taxonomy.IsRegion(country.Region))
                throw new ArgumentException($"Country '{country.Code}' has region '{country.Region}', which is not a contract region.", nameof(countries));
            if (!map.TryAdd(country.Code, country))
                throw new ArgumentException($"Country code '{country.Code}' appears more than once.", nameof(countries));
        }
        _byCode = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        All = [.. map.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];
        Sources = sources ?? [];
        _names = names ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        CldrVersion = cldrVersion;
    }

    public static CountryCatalog Default => DefaultCatalog.Value;

    /// <summary>Every country, ordered by code.</summary>
    public IReadOnlyCollection<Country> All { get; }

    /// <summary>Where the data comes from, as written in countries.json.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The CLDR release the names in the languages come from (country-names.json).</summary>
    public string CldrVersion { get; }

    /// <summary>The country with this ISO 3166-1 alpha-2 code (any case, surrounding spaces ignored); null when unknown.</summary>
    public Country? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return _byCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>The country's name in <paramref name="language"/>: CLDR's name in that language (country-names.json), except
    /// in English, which keeps the ISO 3166 short name of countries.json (the name the UN uses: "Viet Nam", not CLDR's
    /// "Vietnam"). A language not served reads English; an unknown code shows as itself.</summary>
    public string NameIn(string? code, string language)
    {
        if (Find(code) is not { } country) return code ?? "";
        var served = Localization.Languages.Resolve(language).Code;
        if (served == Localization.Languages.Default) return country.Name;
        return _names.TryGetValue(country.Code, out var names) && names.TryGetValue(served, out var name) ? name : country.Name;
    }

    /// <summary>Every name the country goes by here: the English name of countries.json and CLDR's name in each language.</summary>
    public IEnumerable<string> NamesOf(Country country) =>
        _names.TryGetValue(country.Code, out var names) ? names.Values.Prepend(country.Name) : [country.Name];

    private static CountryCatalog LoadEmbedded()
    {
        var file = EmbeddedReferenceData.Read<CountriesFile>("countries");
        var names = EmbeddedReferenceData.Read<CldrNamesFile>("country-names");
        return new CountryCatalog(
            file.Countries.Select(c => new Country(c.Code, c.Name, c.Region, c.M49Region, c.GlobalSouth) { M49SubRegion = c.M49SubRegion }),
            file.Sources, names.Names, names.CldrVersion);
    }

    private sealed record CountriesFile(IReadOnlyList<string> Sources, IReadOnlyList<CountryEntry> Countries);

    private sealed record CountryEntry(string Code, string Name, string M49Region, string M49SubRegion, string Region, bool GlobalSouth);
}
