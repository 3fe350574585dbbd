using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Matching;

namespace WgeoFlows.Tests.Matching;

/// <summary>Hand-made partners and requests whose right ranking can be worked out on paper.</summary>
internal static class MatchingFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static Partner Partner(
        string id,
        string[]? thematic = null,
        string[]? support = null,
        string[]? languages = null,
        string country = "KE",
        string region = "africa",
        bool globalSouth = true,
        PartnerRole role = PartnerRole.Provider,
        int capacity = 2,
        int open = 0,
        bool active = true,
        string? email = null,
        DateTimeOffset? lastOfferedAt = null,
        int recentOffers = 0) => new()
        {
            Id = id,
            Name = $"{id} (fictional)",
            Platform = "cities",
            Country = country,
            Region = region,
            GlobalSouth = globalSouth,
            Role = role,
            ThematicAreas = thematic ?? ["renewable-energy"],
            SupportTypes = support ?? ["technical-assistance"],
            Languages = languages ?? ["en"],
            Capacity = capacity,
            OpenEngagements = open,
            Email = email ?? $"{id}@example.org",
            Active = active,
            LastOfferedAt = lastOfferedAt,
            RecentOffers = recentOffers,
        };

    public static SupportRequest Request(
        string[]? thematic = null,
        string[]? support = null,
        string[]? preferredRegions = null,
        string language = "en",
        string country = "KE",
        string email = "amina@example.org") => new()
        {
            RequestId = "req-1",
            SubmissionId = "form-1",
            SubmittedAt = Now,
            Organization = new Organization("Nairobi County Energy Office (fictional)", "cities", country, null),
            Contact = new Contact("Amina (fictional)", email, language),
            Title = "Solar mini-grids",
            Description = "Fictional request.",
            ThematicAreas = thematic ?? ["renewable-energy"],
            SupportTypes = support ?? ["technical-assistance"],
            PreferredRegions = preferredRegions ?? [],
        };

    /// <summary>Weights that make a score easy to compute by hand: only the components a test switches on count.</summary>
    public static RankingWeights Only(
        double thematic = 0, double support = 0, double language = 0, double region = 0,
        double southSouth = 0, double capacity = 0, double recentLoad = 0) => new()
        {
            ThematicFit = thematic,
            SupportTypeFit = support,
            Language = language,
            PreferredRegion = region,
            SouthSouth = southSouth,
            RemainingCapacity = capacity,
            RecentLoad = recentLoad,
        };
}
