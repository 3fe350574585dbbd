using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WgeoFlows.Bench.Durable;

/// <summary>
/// The baseline's own Durable Task sidecar, as the local host runs it (functions/WgeoFlows.Local/Runtime/DurableSidecar.cs):
/// the SDK's gRPC server over <see cref="AzureStorageOrchestrationService"/> on the given storage and task hub, and a
/// <see cref="DurableTaskClient"/> connected to it. Without a worker connected, scheduled orchestrations stay Pending.
/// </summary>
public sealed class BenchSidecar : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly AzureStorageOrchestrationService _backend;
    private readonly ServiceProvider _clientServices;

    private BenchSidecar(WebApplication server, AzureStorageOrchestrationService backend, GrpcChannel channel)
    {
        _server = server;
        _backend = backend;
        Channel = channel;
        _clientServices = new ServiceCollection()
            .AddLogging()
            .AddDurableTaskClient(b => b.UseGrpc(channel))
            .BuildServiceProvider();
        Client = _clientServices.GetRequiredService<DurableTaskClient>();
    }

    public GrpcChannel Channel { get; }
    public DurableTaskClient Client { get; }

    /// <summary>Starts the sidecar. Its gRPC server starts the backend itself once the server has started (starting it here
    /// as well made the second start throw on the thread pool and end the process), and stops it with the server.</summary>
    public static async Task<BenchSidecar> StartAsync(string connectionString, string taskHub)
    {
        var backend = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            WorkerId = "bench",
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            // The local host's defaults (functions/WgeoFlows.Local/Runtime/DurableOptions.cs), so both sides run on the same backend settings.
            PartitionCount = 4,
            MaxConcurrentTaskActivityWorkItems = 16,
            MaxConcurrentTaskOrchestrationWorkItems = 16,
        });
        await backend.CreateIfNotExistsAsync();

        var port = FreeLoopbackPort();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(backend);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        // One server for all calls: it pairs each work item it sends with the worker's later answer in its own state.
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var server = builder.Build();
        server.UseRouting();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync();
        return new BenchSidecar(server, backend, GrpcChannel.ForAddress($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _clientServices.DisposeAsync();
        // Not _server.StopAsync(): its ApplicationStopping handler stops the backend fire-and-forget, and a second stop
        // racing it (ours, awaited) threw on the thread pool and ended the process. The server is disposed without
        // raising ApplicationStopping, and the backend is stopped once, here.
        await _server.DisposeAsync();
        try
        {
            await _backend.StopAsync(isForced: true);
        }
        catch (NullReferenceException)
        {
            // The backend was never started: its dispatchers start when a worker connects, and the listing's sidecar has
            // none. DurableTask.AzureStorage's StopAsync then dereferences the parts StartAsync creates.
        }
        Channel.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
