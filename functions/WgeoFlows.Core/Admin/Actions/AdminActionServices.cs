using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Admin.Actions;

public static class AdminActionServices
{
    /// <summary>The admin actions and the reviewers API.</summary>
    public static IServiceCollection AddWgeoFlowsAdminActions(this IServiceCollection services)
    {
        services.AddSingleton<RequestCancellation>();
        services.AddSingleton<RequestRestart>();
        services.AddSingleton<AdminActionsHandler>();
        services.AddSingleton<ReviewersHandler>();
        return services;
    }
}
