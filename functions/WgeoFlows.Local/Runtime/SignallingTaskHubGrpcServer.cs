using DurableTask.Core;
using Grpc.Core;
using Microsoft.DurableTask.Protobuf;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// The sidecar's gRPC service, which also tells when the Durable Task worker has connected for work items:
/// the sidecar only starts dispatching from that moment, so the host is not ready before it.
/// </summary>
public sealed class SignallingTaskHubGrpcServer(
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    IOptions<TaskHubGrpcServerOptions> options,
    WorkerConnection connection)
    : TaskHubGrpcServer(lifetime, loggerFactory, service, client, options)
{
    public override Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> responseStream, ServerCallContext context)
    {
        connection.MarkConnected();
        return base.GetWorkItems(request, responseStream, context);
    }
}

/// <summary>Completes when the worker first asks the sidecar for work items.</summary>
public sealed class WorkerConnection
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Connected => _connected.Task;

    public void MarkConnected() => _connected.TrySetResult();
}
