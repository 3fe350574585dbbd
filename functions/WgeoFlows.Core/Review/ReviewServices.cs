using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Review;

public static class ReviewServices
{
    /// <summary>The reviewer registry and its admin API. Expects what AddWgeoFlowsCore registers: StorageClients,
    /// TimeProvider and AdminAuthenticator.</summary>
    public static IServiceCollection AddWgeoFlowsReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ReviewerStore>();
        services.TryAddSingleton<ReviewersHandler>();
        services.TryAddSingleton<BouncedAddresses>();
        services.TryAddSingleton<WaitingForReviewer>();
        services.TryAddSingleton<ReviewerWarnings>();
        return services;
    }
}
