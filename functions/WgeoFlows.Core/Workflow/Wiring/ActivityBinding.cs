using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WgeoFlows.Telemetry;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Wiring;

/// <summary>An activity's name, its class and its input and output types, without the generic parameters: what a host needs
/// to register it and what a test needs to compare a host's functions with the registry.</summary>
public interface IActivityBinding
{
    string Name { get; }
    Type ActivityType { get; }
    Type InputType { get; }
    Type OutputType { get; }

    /// <summary>Registers the activity class with a Durable Task worker (the local host).</summary>
    void AddTo(DurableTaskRegistry registry);
}

/// <summary>One activity of the request workflow: the name its history holds and the class that runs it. The orchestrator calls
/// it through <see cref="CallAsync"/> (see <see cref="WorkflowActivityCalls"/>), both hosts run it through <see cref="RunAsync"/>,
/// so the input and output types are stated here once.</summary>
public sealed class ActivityBinding<TActivity, TInput, TOutput>(string name) : IActivityBinding
    where TActivity : class, IWorkflowActivity<TInput, TOutput>
{
    public string Name => name;
    public Type ActivityType => typeof(TActivity);
    public Type InputType => typeof(TInput);
    public Type OutputType => typeof(TOutput);

    public Task<TOutput> CallAsync(TaskOrchestrationContext context, TInput input, TaskOptions? options) =>
        context.CallActivityAsync<TOutput>(name, input, options);

    /// <summary>Runs the activity class inside its request's telemetry (the body of the Functions host's thin function).</summary>
    public Task<TOutput> RunAsync(IServiceProvider services, TInput input, CancellationToken cancellationToken = default)
    {
        var activity = services.GetRequiredService<TActivity>();
        var logger = services.GetRequiredService<ILogger<TActivity>>();
        return WorkflowActivityTelemetry.RunAsync(name, input, logger, i => activity.RunAsync(i, cancellationToken));
    }

    public void AddTo(DurableTaskRegistry registry) => registry.AddActivity(name, sp => new Adapter(sp, this));

    /// <summary>Lets a plain activity class run as a Durable Task activity.</summary>
    private sealed class Adapter(IServiceProvider services, ActivityBinding<TActivity, TInput, TOutput> binding) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => binding.RunAsync(services, input);
    }
}
