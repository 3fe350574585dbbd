using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.SampleData;

namespace WgeoFlows.Matching;

public static class MatchingServices
{
    /// <summary>The partner and reviewer registries, ranking, the partners admin API, the follow-up form and the sample data loader. Expects what
    /// AddWgeoFlowsCore registers: StorageClients, TimeProvider, AdminAuthenticator and MatchingOptions (with Matching:Weights).</summary>
    public static IServiceCollection AddWgeoFlowsMatching(this IServiceCollection services)
    {
        // Singletons: PartnerStore holds the in-memory cache of active partners that ranking reads.
        services.TryAddSingleton<PartnerStore>();
        services.TryAddSingleton<PartnerCsvImporter>();
        services.TryAddSingleton<PartnerMatcher>();
        services.TryAddSingleton<ReviewerStore>();
        services.TryAddSingleton<SampleDataLoader>();
        services.TryAddSingleton<PartnersAdminHandler>();
        services.TryAddSingleton<FollowUpPageHandler>();
        return services;
    }
}
