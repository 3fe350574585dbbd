using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WgeoFlows.Bench.Durable;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Bench.Workflows;

/// <summary>
/// The baseline: an orchestration with as many trivial activities and external events as one product request runs,
/// on the same backend (Azure Storage provider on Azurite, through the same kind of in-process sidecar), its events
/// raised by a driver once the orchestration says it waits for them, as a person answers a mail.
/// </summary>
public sealed class BaselineWorkflow : IAsyncDisposable
{
    public const string Orchestrator = "BenchBaseline";
    private const string Activity = "BenchNoop";
    private const string Decision = "Decision";
    /// <summary>How often the run looks at its instance. Polled by hand rather than with WaitForInstanceCompletionAsync:
    /// that waits on the backend's own poll (about 2 s on Azure Storage), which would swamp the figures this bench
    /// measures and leave them no longer comparable with the earlier ones; and the SDK has no wait for a custom status.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(300);

    public sealed record Shape(int Activities, int Events);

    private readonly IHost _worker;

    private BaselineWorkflow(IHost worker, DurableTaskClient client)
    {
        _worker = worker;
        Client = client;
    }

    public DurableTaskClient Client { get; }

    public static async Task<BaselineWorkflow> StartAsync(BenchSidecar sidecar)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(r =>
            {
                r.AddOrchestratorFunc<Shape, int>(Orchestrator, RunAsync);
                r.AddActivityFunc<int, int>(Activity, (_, step) => step);
            });
            b.UseGrpc(sidecar.Channel);
        });
        var worker = builder.Build();
        await worker.StartAsync();
        // The worker connects for work items in the background; let it, before anything is scheduled.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return new BaselineWorkflow(worker, sidecar.Client);
    }

    /// <summary>The activities spread evenly before, between and after the events.</summary>
    private static async Task<int> RunAsync(TaskOrchestrationContext context, Shape shape)
    {
        var done = 0;
        for (var e = 0; e <= shape.Events; e++)
        {
            var share = shape.Activities * (e + 1) / (shape.Events + 1) - done;
            for (var i = 0; i < share; i++) done += await context.CallActivityAsync<int>(Activity, 1);
            if (e == shape.Events) break;
            context.SetCustomStatus($"waiting {e}");
            await context.WaitForExternalEvent<string>(Decision);
        }
        return done;
    }

    public async Task RunOneAsync(string instanceId, Shape shape)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, shape, new StartOrchestrationOptions { InstanceId = instanceId });
        for (var e = 0; e < shape.Events; e++)
        {
            var waiting = $"\"waiting {e}\"";
            while ((await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))?.SerializedCustomStatus != waiting)
            {
                await Task.Delay(Poll);
            }
            await Client.RaiseEventAsync(instanceId, Decision, "approve");
        }
        while ((await Client.GetInstanceAsync(instanceId))?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            await Task.Delay(Poll);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
    }
}
