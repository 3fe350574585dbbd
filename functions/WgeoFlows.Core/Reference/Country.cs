namespace WgeoFlows.Reference;

/// <summary>A country or area of ISO 3166-1, placed in the partnership's regions.</summary>
/// <param name="Code">ISO 3166-1 alpha-2, upper case.</param>
/// <param name="Region">The contract region, one of <see cref="Taxonomy.Regions"/>.</param>
/// <param name="M49Region">The UN M49 region (Africa, Americas, Asia, Europe, Oceania).</param>
/// <param name="GlobalSouth">A developing economy in UNCTAD's classification (see countries.json).</param>
public sealed record Country(string Code, string Name, string Region, string M49Region, bool GlobalSouth)
{
    /// <summary>The UN M49 sub-region, or intermediate region where M49 has one (e.g. "Eastern Africa", "Caribbean").</summary>
    public string M49SubRegion { get; init; } = "";
}
