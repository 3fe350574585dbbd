using WgeoFlows.Configuration;
using WgeoFlows.Local.Runtime;
using WgeoFlows.Matching;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.SampleData;
using WgeoFlows.Storage;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// The services of <c>--mode mail-sink</c>: storage (starting Azurite when it is silent), the sample data and the mail
/// sink, and none of the product's routes or background work, which the other host (the Azure Functions host) runs.
/// </summary>
public static class MailSinkOnlyServices
{
    public static IServiceCollection AddWgeoMailSinkOnly(this IServiceCollection services, IConfiguration configuration, LocalUrls urls)
    {
        services.AddSingleton(urls);
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.Configure<SendGridOptions>(configuration.GetSection(SendGridOptions.Section));
        services.Configure<AzuriteOptions>(configuration.GetSection(AzuriteOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageClients>();
        services.AddSingleton<PartnerStore>();
        services.AddSingleton<ReviewerStore>();
        services.AddSingleton<PartnerCsvImporter>();
        services.AddSingleton<SampleDataLoader>();

        services.AddHostedService<AzuriteLauncher>();
        services.AddDevMailSink(configuration);
        services.AddHostedService<MailSinkAnnouncer>();
        return services;
    }
}
