using Microsoft.Extensions.DependencyInjection;

namespace WgeoFlows.Admin.Actions;

public static class AdminActionServices
{
    /// <summary>The admin actions on a request.</summary>
    public static IServiceCollection AddWgeoFlowsAdminActions(this IServiceCollection services)
    {
        services.AddSingleton<RequestCancellation>();
        services.AddSingleton<RequestRestart>();
        services.AddSingleton<ConsentWithdrawal>();
        services.AddSingleton<AdminActionsHandler>();
        return services;
    }
}
