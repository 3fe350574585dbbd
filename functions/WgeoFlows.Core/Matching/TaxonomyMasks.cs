using System.Collections.Frozen;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>Taxonomy ids as bits, so that ranking compares a partner with a request by AND and pop-count instead of
/// hashing strings: the difference between ~30 ms and a few ms over 100,000 partners.</summary>
internal static class TaxonomyMasks
{
    private static readonly FrozenDictionary<string, ulong> ThematicBits = BitsOf(Taxonomy.ThematicAreas);
    private static readonly FrozenDictionary<string, ulong> SupportBits = BitsOf(Taxonomy.SupportTypes);
    private static readonly FrozenDictionary<string, ulong> LanguageBits = BitsOf(Taxonomy.Languages);
    private static readonly FrozenDictionary<string, ulong> RegionBits = BitsOf(Taxonomy.Regions);

    // Ids outside the taxonomy get no bit: they can match nothing, as before they could not be validated.
    public static ulong Thematic(IEnumerable<string> ids) => Mask(ThematicBits, ids);
    public static ulong Support(IEnumerable<string> ids) => Mask(SupportBits, ids);
    public static ulong Language(IEnumerable<string> ids) => Mask(LanguageBits, ids);
    public static ulong Region(IEnumerable<string> ids) => Mask(RegionBits, ids);

    private static ulong Mask(FrozenDictionary<string, ulong> bits, IEnumerable<string> ids)
    {
        var mask = 0UL;
        foreach (var id in ids) mask |= bits.GetValueOrDefault(id);
        return mask;
    }

    private static FrozenDictionary<string, ulong> BitsOf(IReadOnlyList<TaxonomyTerm> terms)
    {
        if (terms.Count > 64)
        {
            throw new InvalidOperationException($"A taxonomy has {terms.Count} terms; ranking masks hold 64. Widen TaxonomyMasks.");
        }
        return terms.Select((t, i) => (t.Id, Bit: 1UL << i)).ToFrozenDictionary(x => x.Id, x => x.Bit, StringComparer.Ordinal);
    }
}

/// <summary>A partner's taxonomy masks, computed once per partner object and reused by every ranking.</summary>
internal sealed class RankingProfile
{
    private readonly IReadOnlyList<string> _thematic, _support, _languages;
    private readonly string _region;

    public RankingProfile(Partner p)
    {
        (_thematic, _support, _languages, _region) = (p.ThematicAreas, p.SupportTypes, p.Languages, p.Region);
        Thematic = TaxonomyMasks.Thematic(p.ThematicAreas);
        Support = TaxonomyMasks.Support(p.SupportTypes);
        Languages = TaxonomyMasks.Language(p.Languages);
        Region = TaxonomyMasks.Region([p.Region]);
    }

    public ulong Thematic { get; }
    public ulong Support { get; }
    public ulong Languages { get; }
    public ulong Region { get; }

    /// <summary>False for a copy made with <c>with</c> that changed what the masks were computed from.</summary>
    public bool Describes(Partner p) =>
        ReferenceEquals(_thematic, p.ThematicAreas) && ReferenceEquals(_support, p.SupportTypes)
        && ReferenceEquals(_languages, p.Languages) && ReferenceEquals(_region, p.Region);
}
