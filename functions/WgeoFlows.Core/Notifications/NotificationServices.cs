using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WgeoFlows.Storage;

namespace WgeoFlows.Notifications;

public static class NotificationServices
{
    /// <summary>Registers the email pipeline. Expects the options and <see cref="StorageClients"/> of AddWgeoFlowsCore.</summary>
    public static IServiceCollection AddWgeoFlowsNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton<RequestStore>();
        services.TryAddSingleton<TimelineStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmailTemplateCatalog>();
        services.TryAddSingleton<EmailRenderer>();
        services.TryAddSingleton<EmailOutboxStore>();
        services.TryAddSingleton<SendGridMailSender>();
        services.TryAddSingleton<OutboxDelivery>();
        services.TryAddSingleton<SendEmailActivity>();
        return services;
    }
}
