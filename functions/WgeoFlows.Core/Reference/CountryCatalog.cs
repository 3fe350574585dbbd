using System.Collections.Frozen;

namespace WgeoFlows.Reference;

/// <summary>The countries and areas a partner organisation can be based in, with their regions and
/// Global South membership. <see cref="Default"/> is read once from the embedded countries.json, which
/// names its sources.</summary>
public sealed class CountryCatalog
{
    private static readonly Lazy<CountryCatalog> DefaultCatalog = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Country> _byCode;

    /// <exception cref="ArgumentException">A code is not two letters A–Z, appears twice, or a region is not a contract region.</exception>
    public CountryCatalog(IEnumerable<Country> countries, IReadOnlyList<string>? sources = null)
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
    }

    public static CountryCatalog Default => DefaultCatalog.Value;

    /// <summary>Every country, ordered by code.</summary>
    public IReadOnlyCollection<Country> All { get; }

    /// <summary>Where the data comes from, as written in countries.json.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The country with this ISO 3166-1 alpha-2 code (any case, surrounding spaces ignored); null when unknown.</summary>
    public Country? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return _byCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>The country's name in <paramref name="language"/> (one of the seven served); the code itself when unknown.
    /// For now the English name in every language: the names in each language are to come from CLDR's data.</summary>
    public string NameIn(string? code, string language) => Find(code)?.Name ?? code ?? "";

    private static CountryCatalog LoadEmbedded()
    {
        var file = EmbeddedReferenceData.Read<CountriesFile>("countries.json");
        return new CountryCatalog(
            file.Countries.Select(c => new Country(c.Code, c.Name, c.Region, c.M49Region, c.GlobalSouth) { M49SubRegion = c.M49SubRegion }),
            file.Sources);
    }

    private sealed record CountriesFile(IReadOnlyList<string> Sources, IReadOnlyList<CountryEntry> Countries);

    private sealed record CountryEntry(string Code, string Name, string M49Region, string M49SubRegion, string Region, bool GlobalSouth);
}
