using WgeoFlows.Intake;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>What a request asks for, in the shape the ranking loop reads fastest.</summary>
internal sealed class RankingCriteria
{
    public RankingCriteria(SupportRequest request, Country? requesterCountry, IReadOnlyList<string> supportTypes, IReadOnlySet<string>? excludedPartnerIds)
    {
        ThematicAreas = new HashSet<string>(request.ThematicAreas, StringComparer.Ordinal);
        SupportTypes = new HashSet<string>(supportTypes, StringComparer.Ordinal);
        PreferredRegions = new HashSet<string>(request.PreferredRegions, StringComparer.Ordinal);
        Language = request.Contact.Language;
        RequesterEmail = request.Contact.Email;
        RequesterGlobalSouth = requesterCountry?.GlobalSouth;
        RequesterCountryName = requesterCountry?.Name ?? request.Organization.Country;
        ExcludedPartnerIds = excludedPartnerIds;
    }

    public HashSet<string> ThematicAreas { get; }
    public HashSet<string> SupportTypes { get; }
    public HashSet<string> PreferredRegions { get; }
    public string Language { get; }
    public string RequesterEmail { get; }
    /// <summary>Null when the requester's country is not known.</summary>
    public bool? RequesterGlobalSouth { get; }
    public string RequesterCountryName { get; }
    public IReadOnlySet<string>? ExcludedPartnerIds { get; }
}
