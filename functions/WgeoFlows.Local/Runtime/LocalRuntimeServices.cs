using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WgeoFlows.Hosting;
using WgeoFlows.SampleData;

namespace WgeoFlows.Local.Runtime;

public static class LocalRuntimeServices
{
    /// <summary>
    /// Azurite (if needed), the in-process Durable Task sidecar, the worker and client connected to it, and the
    /// readiness announcement. Hosted services start in registration order and stop in reverse, which is what
    /// keeps storage up before the sidecar, and the sidecar up before the worker and client connect.
    /// </summary>
    public static IServiceCollection AddWgeoLocalRuntime(this IServiceCollection services, IConfiguration configuration, LocalUrls urls)
    {
        services.AddSingleton(urls);
        services.Configure<AzuriteOptions>(configuration.GetSection(AzuriteOptions.Section));
        services.Configure<DurableOptions>(configuration.GetSection(DurableOptions.Section));

        services.AddHostedService<AzuriteLauncher>();

        var sidecar = new SidecarEndpoint(configuration.GetValue<int>($"{DurableOptions.Section}:{nameof(DurableOptions.SidecarPort)}"));
        services.AddSingleton(sidecar);
        services.AddHostedService<DurableSidecar>();

        services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(r => r.AddWgeoFlowsWorkflow());
            b.UseGrpc(sidecar.Channel);
        });
        services.AddDurableTaskClient(b => b.UseGrpc(sidecar.Channel));

        services.TryAddSingleton<SampleDataLoader>();
        services.AddHostedService<ReadinessAnnouncer>();
        return services;
    }
}
