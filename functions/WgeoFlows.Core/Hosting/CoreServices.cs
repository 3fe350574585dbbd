using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Admin;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Configuration;
using WgeoFlows.Health;
using WgeoFlows.Impact;
using WgeoFlows.Intake;
using WgeoFlows.LinkPages;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Privacy.People;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review;
using WgeoFlows.SampleData;
using WgeoFlows.Shared.Resilience;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Web.RateLimiting;

namespace WgeoFlows.Hosting;

public static class CoreServices
{
    /// <summary>Registers everything the product needs; both hosts call this and nothing else of Core's wiring.</summary>
    public static IServiceCollection AddWgeoFlowsCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Core's services log (the retry pipelines among them); both hosts add logging, a bare container (a test, a tool)
        // gets the no-op defaults instead of a failed resolution. Adding it twice changes nothing.
        services.AddLogging();
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.PostConfigure<StorageOptions>(o =>
        {
            // The Functions host names its storage AzureWebJobsStorage; accept it as the same setting.
            if (string.IsNullOrWhiteSpace(o.ConnectionString) && string.IsNullOrWhiteSpace(o.AccountName))
            {
                o.ConnectionString = configuration[StorageClients.FunctionsConnectionName];
                o.AccountName ??= configuration[StorageClients.FunctionsAccountNameKey];
            }
        });
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.Section));
        services.Configure<LinkOptions>(configuration.GetSection(LinkOptions.Section));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.Configure<SendGridOptions>(configuration.GetSection(SendGridOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<ReviewOptions>(configuration.GetSection(ReviewOptions.Section));
        services.Configure<MatchingOptions>(configuration.GetSection(MatchingOptions.Section));
        services.Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section));
        services.Configure<PublicUrlOptions>(o =>
        {
            var configured = configuration[PublicUrlOptions.Key];
            if (!string.IsNullOrWhiteSpace(configured)) o.BaseUrl = configured.TrimEnd('/');
        });

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RetryPipelines>();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<TimelineStore>();
        services.AddSingleton<LinkStageStore>();
        services.AddSingleton<AdminIndexStore>();
        services.AddSingleton<MatchCandidateStore>();
        services.AddSingleton<EngagementStore>();
        services.AddSingleton<LinkIssuer>();
        // One message catalog per language (Localization/Catalogs), read through IStringLocalizer.
        services.AddLocalization();
        services.AddSingleton<TextCatalog>();
        services.AddSingleton<PageRenderer>();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<PublicDoorGate>();
        services.AddSingleton<AdminAuthenticator>();
        services.AddSingleton<AdminSessionHandler>();

        services.AddWgeoFlowsIntake(configuration);
        services.AddSingleton<LinkPageHandler>();
        services.AddSingleton<AdminRequestsHandler>();
        services.AddSingleton<HealthHandler>();

        services.AddWgeoFlowsAdminMonitoring(configuration);
        services.AddWgeoFlowsAdminActions();
        services.AddWgeoFlowsReview();
        services.AddWgeoFlowsMatching();
        // The fictional sample data spans both registries; the local host loads it into empty tables.
        services.AddSingleton<SampleDataLoader>();
        services.AddWgeoFlowsImpact(configuration);
        services.AddWgeoFlowsPeople();
        services.AddWgeoFlowsErasure(configuration);
        services.AddWgeoFlowsNotifications();
        services.AddWorkflowActivities();
        return services;
    }
}
