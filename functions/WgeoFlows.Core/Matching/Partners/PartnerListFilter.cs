using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Reference;
using WgeoFlows.Shared;

namespace WgeoFlows.Matching.Partners;

/// <summary>
/// The optional filters of <c>GET /api/admin/partners</c>. Table Storage filters by equality only, so platform, region,
/// role, active and publishable go to the server as an OData filter (<see cref="ServerFilter"/>); the search text and
/// the list cells (thematic areas, support types, stored as ';'-joined text) are matched here, row by row
/// (<see cref="Matches"/>).
/// </summary>
public sealed record PartnerListFilter
{
    public const int MaxSearchLength = 200;

    /// <summary>Search text, folded (<see cref="Fold"/>): a substring of the name, a country code, or a substring of a
    /// country's name in any served language.</summary>
    public string? Search { get; init; }
    public string? Platform { get; init; }
    public string? Region { get; init; }
    public string? ThematicArea { get; init; }
    public string? SupportType { get; init; }
    public PartnerRole? Role { get; init; }
    public bool? Active { get; init; }
    public bool? Publishable { get; init; }

    /// <summary>True when some filter must be applied in process (so a page of storage can hold fewer matches).</summary>
    public bool FiltersInProcess => Search is not null || ThematicArea is not null || SupportType is not null;

    /// <summary>Reads the filters of <paramref name="query"/>, naming every bad one in <paramref name="errors"/>.</summary>
    public static PartnerListFilter Read(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        string? Value(string name) => string.IsNullOrWhiteSpace(query[name]) ? null : query[name].ToString().Trim();

        string? Term(string name, Func<string?, bool> isKnown, IReadOnlyList<TaxonomyTerm> terms)
        {
            var value = Value(name)?.ToLowerInvariant();
            if (value is null || isKnown(value)) return value;
            errors[name] = [$"{Echo.Quoted(query[name])} is not one of: {string.Join(", ", terms.Select(t => t.Id))}."];
            return null;
        }

        bool? Flag(string name)
        {
            var value = Value(name)?.ToLowerInvariant();
            if (value is null) return null;
            if (value is "true" or "false") return value == "true";
            errors[name] = [$"{Echo.Quoted(query[name])} is not true or false."];
            return null;
        }

        var search = Value("q");
        if (search is not null && search.Length > MaxSearchLength)
        {
            errors["q"] = [$"The search text may be at most {MaxSearchLength} characters."];
            search = null;
        }

        PartnerRole? role = null;
        if (Value("role") is { } roleText)
        {
            if (PartnerRoles.TryParse(roleText, out var parsed)) role = parsed;
            else errors["role"] = [$"{Echo.Quoted(roleText)} is not provider, funder or both."];
        }

        return new PartnerListFilter
        {
            Search = search is null ? null : Fold(search),
            Platform = Term("platform", Taxonomy.IsPlatform, Taxonomy.Platforms),
            Region = Term("region", Taxonomy.IsRegion, Taxonomy.Regions),
            ThematicArea = Term("thematicArea", Taxonomy.IsThematicArea, Taxonomy.ThematicAreas),
            SupportType = Term("supportType", Taxonomy.IsSupportType, Taxonomy.SupportTypes),
            Role = role,
            Active = Flag("active"),
            Publishable = Flag("publishable"),
        };
    }

    /// <summary>The equality filters as OData, to be joined to the partition's filter with "and"; null when there are none.</summary>
    public string? ServerFilter()
    {
        var parts = new List<string>();
        if (Platform is not null) parts.Add(TableClient.CreateQueryFilter($"Platform eq {Platform}"));
        if (Region is not null) parts.Add(TableClient.CreateQueryFilter($"Region eq {Region}"));
        if (Role is { } role) parts.Add(TableClient.CreateQueryFilter($"Role eq {role.ToId()}"));
        if (Active is { } active) parts.Add(TableClient.CreateQueryFilter($"Active eq {active}"));
        if (Publishable is { } publishable) parts.Add(TableClient.CreateQueryFilter($"Publishable eq {publishable}"));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>Every filter, the server's included: a partner stored before a field existed reads its default here.</summary>
    public bool Matches(Partner partner) =>
        (Platform is null || partner.Platform == Platform)
        && (Region is null || partner.Region == Region)
        && (Role is null || partner.Role == Role)
        && (Active is null || partner.Active == Active)
        && (Publishable is null || partner.Publishable == Publishable)
        && (ThematicArea is null || partner.ThematicAreas.Contains(ThematicArea, StringComparer.Ordinal))
        && (SupportType is null || partner.SupportTypes.Contains(SupportType, StringComparer.Ordinal))
        && (Search is null || MatchesSearch(partner, Search));

    private static bool MatchesSearch(Partner partner, string folded) =>
        Fold(partner.Name).Contains(folded, StringComparison.Ordinal)
        || string.Equals(partner.Country, folded, StringComparison.OrdinalIgnoreCase)
        || CountryNames(partner.Country).Any(name => name.Contains(folded, StringComparison.Ordinal));

    private static readonly ConcurrentDictionary<string, string[]> FoldedCountryNames = new(StringComparer.Ordinal);

    private static string[] CountryNames(string code) => FoldedCountryNames.GetOrAdd(code, c =>
        CountryCatalog.Default.Find(c) is { } country ? [.. CountryCatalog.Default.NamesOf(country).Select(Fold).Distinct()] : []);

    /// <summary>Lower case without accents or other combining marks ("Société" and "SOCIETE" fold alike; Arabic vowel
    /// marks are dropped too), so a search matches however the admin typed it.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        }
        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
