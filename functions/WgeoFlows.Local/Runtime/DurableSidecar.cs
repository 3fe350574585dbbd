using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// The Durable Task sidecar in this process: the gRPC API the Durable Task SDK's worker and client speak,
/// served by its own Kestrel on a loopback port, over the Azure Storage provider (the backend Durable
/// Functions itself uses) on the configured storage. Registered before the worker and client, so it
/// listens before they connect, and stopped after them.
/// </summary>
public sealed class DurableSidecar(
    SidecarEndpoint endpoint,
    IOptions<DurableOptions> options,
    IOptions<StorageOptions> storage,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;
    private AzureStorageOrchestrationService? _backend;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var backend = _backend = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = o.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                storage.Value.ConnectionString ?? throw new InvalidOperationException("The local host needs Storage:ConnectionString.")),
            WorkerId = o.WorkerId,
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            PartitionCount = o.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = o.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = o.WorkItemVisibilityTimeout,
            LoggerFactory = loggerFactory,
        });
        await backend.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        // The sidecar's dispatchers never renew the locks of the work they hold; this wrapper does, so that the short
        // visibility timeouts above never let a message reappear while its work is still running.
        builder.Services.AddSingleton<IOrchestrationService>(new LockRenewingOrchestrationService(
            backend, o.ControlQueueVisibilityTimeout, o.WorkItemVisibilityTimeout, loggerFactory.CreateLogger<LockRenewingOrchestrationService>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        builder.Services.AddSingleton(endpoint.WorkerConnection);
        builder.Services.AddSingleton<SignallingTaskHubGrpcServer>();

        _server = builder.Build();
        _server.UseRouting();
        _server.MapGrpcService<SignallingTaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        await _server.StopAsync(cancellationToken);
        await _server.DisposeAsync();
        _server = null;
        // The gRPC server stops its dispatcher without waiting for it (fire and forget on ApplicationStopping);
        // stopping the backend here waits for its lease release, before anything stops the storage under it.
        await _backend!.StopAsync(isForced: false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
