using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Configuration;
using WgeoFlows.Storage;

namespace WgeoFlows.Hosting;

public static class CoreServices
{
    /// <summary>Registers everything the product needs; both hosts call this and nothing else of Core's wiring.</summary>
    public static IServiceCollection AddWgeoFlowsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.PostConfigure<StorageOptions>(o =>
        {
            // The Functions host names its storage AzureWebJobsStorage; accept it as the same setting.
            if (string.IsNullOrWhiteSpace(o.ConnectionString) && string.IsNullOrWhiteSpace(o.AccountName))
            {
                o.ConnectionString = configuration["AzureWebJobsStorage"];
                o.AccountName ??= configuration["AzureWebJobsStorage:accountName"];
            }
        });
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.Section));
        services.Configure<LinkOptions>(configuration.GetSection(LinkOptions.Section));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.Configure<SendGridOptions>(configuration.GetSection(SendGridOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<ReviewOptions>(configuration.GetSection(ReviewOptions.Section));
        services.Configure<MatchingOptions>(configuration.GetSection(MatchingOptions.Section));
        services.Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section));
        services.Configure<PublicUrlOptions>(o =>
        {
            var configured = configuration[PublicUrlOptions.Key];
            if (!string.IsNullOrWhiteSpace(configured)) o.BaseUrl = configured.TrimEnd('/');
        });

        services.AddSingleton<StorageClients>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
