using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.Retention;
using WgeoFlows.Shared;

namespace WgeoFlows.Privacy.Erasure;

public static class ErasureServices
{
    /// <summary>Erasure on request and after the retention period, and the privacy audit. Expects the stores of
    /// AddWgeoFlowsCore (and the intake's, matching's, impact's and the workflow's activities the eraser uses).</summary>
    public static IServiceCollection AddWgeoFlowsErasure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<RequestRowsRewriter>();
        services.AddSingleton<RequestEraser>();
        services.AddSingleton<RequestsByContactEmail>();
        services.AddSingleton<ErasureHandler>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AuditHandler>();
        services.AddSingleton<RemovedContacts>();
        services.AddSingleton<IContactRemovals>(s => s.GetRequiredService<RemovedContacts>());
        services.AddSingleton<RetentionJob>();
        return services;
    }
}
