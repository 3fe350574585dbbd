using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow.Orchestration;

[CollectionDefinition(Name)]
public sealed class OrchestrationCollection : ICollectionFixture<OrchestrationHost>
{
    public const string Name = "orchestration";
}

/// <summary>
/// The real request orchestrator on Durable's in-memory test host, with a fake for every activity of the workflow's map
/// (registered with the map's names and input and output types, as the hosts register the real classes). Each fake answers from
/// the <see cref="WorkflowScenario"/> of the request id its input carries, so that tests share one host.
/// </summary>
public sealed class OrchestrationHost : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, WorkflowScenario> _scenarios = new(StringComparer.Ordinal);
    private DurableTaskTestHost? _host;

    public DurableTaskClient Client => _host!.Client;

    public async ValueTask InitializeAsync()
    {
        var addFake = typeof(OrchestrationHost).GetMethod(nameof(AddFake), BindingFlags.NonPublic | BindingFlags.Instance)!;
        _host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<RequestWorkflowInput, RequestWorkflowResult>(WorkflowNames.RequestOrchestrator,
                (context, input) => RequestWorkflow.RunAsync(context, input));
            foreach (var activity in WorkflowActivities.All)
            {
                addFake.MakeGenericMethod(activity.InputType, activity.OutputType).Invoke(this, [registry, activity.Name]);
            }
        }, new DurableTaskTestHostOptions { Port = FreeLoopbackPort() }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>Starts the orchestration of a new request whose activities answer from the returned scenario.</summary>
    public async Task<WorkflowScenario> StartAsync(Action<WorkflowScenario>? arrange = null, bool awaitConfirmation = false)
    {
        var scenario = new WorkflowScenario($"req-{Guid.NewGuid():N}");
        arrange?.Invoke(scenario);
        scenario.Stop = () => new ValueTask(StopAsync(scenario));
        _scenarios[scenario.RequestId] = scenario;
        await Client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.RequestOrchestrator,
            new RequestWorkflowInput(scenario.RequestId, AwaitConfirmation: awaitConfirmation),
            new StartOrchestrationOptions(scenario.RequestId), TestContext.Current.CancellationToken);
        return scenario;
    }

    public Task RaiseAsync<TPayload>(WorkflowScenario scenario, WorkflowEvent<TPayload> workflowEvent, TPayload payload) where TPayload : class =>
        Client.RaiseEventAsync(scenario.RequestId, workflowEvent, payload, TestContext.Current.CancellationToken);

    /// <summary>Waits for the orchestration to end, and returns its metadata with its output.</summary>
    public async Task<OrchestrationMetadata> CompletionAsync(WorkflowScenario scenario)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        return await Client.WaitForInstanceCompletionAsync(scenario.RequestId, getInputsAndOutputs: true, timeout.Token);
    }

    public async Task<RequestStatus> FinalStatusAsync(WorkflowScenario scenario)
    {
        var completed = await CompletionAsync(scenario);
        completed.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed, completed.FailureDetails?.ToString());
        return completed.ReadOutputAs<RequestWorkflowResult>()!.FinalStatus;
    }

    private async Task StopAsync(WorkflowScenario scenario)
    {
        var instance = await Client.GetInstanceAsync(scenario.RequestId, CancellationToken.None);
        if (instance is { IsCompleted: false })
        {
            await Client.TerminateInstanceAsync(scenario.RequestId, "the test is over", CancellationToken.None);
        }
        _scenarios.TryRemove(scenario.RequestId, out _);
    }

    private void AddFake<TInput, TOutput>(DurableTaskRegistry registry, string name) =>
        registry.AddActivityFunc<TInput, TOutput>(name, (_, input) =>
        {
            var requestId = input as string ?? (string)typeof(TInput).GetProperty("RequestId")!.GetValue(input)!;
            return Task.FromResult((TOutput)_scenarios[requestId].Handle(name, input)!);
        });

    /// <summary>The test host's own default is a random port in 30000-40000 that nothing checks, inside Linux's ephemeral range
    /// where other test processes listen: take one the operating system says is free.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
