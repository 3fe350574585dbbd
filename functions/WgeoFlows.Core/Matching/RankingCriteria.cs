using System.Numerics;
using WgeoFlows.Intake;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>What a request asks for, in the shape the ranking loop reads fastest.</summary>
internal sealed class RankingCriteria
{
    public RankingCriteria(SupportRequest request, Country? requesterCountry, IReadOnlyList<string> supportTypes, IReadOnlySet<string>? excludedPartnerIds)
    {
        ThematicMask = TaxonomyMasks.Thematic(request.ThematicAreas);
        SupportMask = TaxonomyMasks.Support(supportTypes);
        PreferredRegionMask = TaxonomyMasks.Region(request.PreferredRegions);
        Language = request.Contact.Language;
        LanguageMask = TaxonomyMasks.Language([request.Contact.Language]);
        ThematicCount = BitOperations.PopCount(ThematicMask);
        SupportCount = BitOperations.PopCount(SupportMask);
        RequesterEmail = request.Contact.Email;
        RequesterGlobalSouth = requesterCountry?.GlobalSouth;
        RequesterCountryName = requesterCountry?.Name ?? request.Organization.Country;
        ExcludedPartnerIds = excludedPartnerIds;
    }

    public ulong ThematicMask { get; }
    /// <summary>How many distinct requested thematic areas there are: the denominator of thematic fit.</summary>
    public int ThematicCount { get; }
    public ulong SupportMask { get; }
    public int SupportCount { get; }
    public ulong PreferredRegionMask { get; }
    public string Language { get; }
    public ulong LanguageMask { get; }
    public string RequesterEmail { get; }
    /// <summary>Null when the requester's country is not known.</summary>
    public bool? RequesterGlobalSouth { get; }
    public string RequesterCountryName { get; }
    public IReadOnlySet<string>? ExcludedPartnerIds { get; }
}
