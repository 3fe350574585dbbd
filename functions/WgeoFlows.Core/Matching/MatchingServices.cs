using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Partners;

namespace WgeoFlows.Matching;

public static class MatchingServices
{
    /// <summary>The partner registry, ranking, the partners admin API and the follow-up form. Expects what
    /// AddWgeoFlowsCore registers: StorageClients, TimeProvider, AdminAuthenticator and MatchingOptions (with Matching:Weights).</summary>
    public static IServiceCollection AddWgeoFlowsMatching(this IServiceCollection services)
    {
        // Singletons: PartnerStore holds the in-memory cache of active partners that ranking reads.
        services.TryAddSingleton<PartnerStore>();
        services.TryAddSingleton<PartnerCsvImporter>();
        services.TryAddSingleton<PartnerOfferLog>();
        services.TryAddSingleton<PartnerChangeRecorder>();
        services.TryAddSingleton<PartnerMatcher>();
        services.TryAddSingleton<PartnersAdminHandler>();
        services.TryAddSingleton<FollowUpPageHandler>();
        return services;
    }
}
