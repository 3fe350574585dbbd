using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Admin.Digest;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Admin.Purge;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage.ChangeLog;

namespace WgeoFlows.Admin;

public static class AdminServices
{
    /// <summary>The admin monitoring services: dashboard and summary, SendGrid's delivery events, purge and digest jobs.
    /// Expects the stores and options of AddWgeoFlowsCore.</summary>
    public static IServiceCollection AddWgeoFlowsAdminMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceLevelOptions>(configuration.GetSection(ServiceLevelOptions.Section));
        services.Configure<PurgeOptions>(configuration.GetSection(PurgeOptions.Section));
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        services.Configure<EventWebhookOptions>(configuration.GetSection(EventWebhookOptions.Section));

        services.AddSingleton<AdminStatsStore>();
        services.AddSingleton<AdminFlagStore>();
        services.AddSingleton<ChangeLogStore>();
        services.AddSingleton<AdminSummaryReader>();
        services.AddSingleton<AdminDashboardHandler>();
        services.AddSingleton<Held.HeldAdminHandler>();
        services.AddSingleton<Attention.AttentionReader>();
        services.AddSingleton<Attention.AttentionHandler>();
        services.AddSingleton<SendGridSignature>();
        services.AddSingleton<SendGridEventHandler>();
        services.AddSingleton<HistoryPurgeJob>();
        services.AddSingleton<DigestRenderer>();
        services.AddSingleton<AdminDigestJob>();
        return services;
    }
}
