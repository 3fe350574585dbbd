using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Impact.Summary;
using WgeoFlows.Matching;

namespace WgeoFlows.Impact;

public static class ImpactServices
{
    /// <summary>The impact figures: counted on every status change, published by <see cref="ImpactHandler"/>.</summary>
    public static IServiceCollection AddWgeoFlowsImpact(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImpactOptions>(configuration.GetSection(ImpactOptions.Section));
        services.AddSingleton<ImpactStatsStore>();
        services.AddSingleton<ImpactRecorder>();
        services.AddSingleton<ImpactHandler>();
        // Told by the partner registry when a partner may no longer be named; called by the admin's withdraw-consent.
        services.AddSingleton<ImpactStoryWithdrawal>();
        services.AddSingleton<IPartnerNamingWithdrawal>(sp => sp.GetRequiredService<ImpactStoryWithdrawal>());
        services.Configure<ImpactSummaryOptions>(configuration.GetSection(ImpactSummaryOptions.Section));
        services.AddSingleton<ImpactSummaryRenderer>();
        services.AddSingleton<ImpactSummaryJob>();
        return services;
    }
}
