using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Hosting;

/// <summary>
/// Registers the workflow with a host from its one map (<see cref="WorkflowActivities"/>): the local host's Durable Task worker
/// takes the orchestrator and every activity from here; both hosts put the activity classes in DI from here.
/// </summary>
public static class WorkflowRegistration
{
    public static IReadOnlyList<IActivityBinding> Activities => WorkflowActivities.All;

    /// <summary>Registers the orchestrator and every activity with a Durable Task worker (the local host, tests).</summary>
    public static DurableTaskRegistry AddWgeoFlowsWorkflow(this DurableTaskRegistry registry)
    {
        // A lambda rather than the method group: the Durable Task analyzers (1.28.0) crash on a method group declared in another
        // file, and through the lambda they still follow the orchestrator's whole call graph.
        registry.AddOrchestratorFunc<RequestWorkflowInput, RequestWorkflowResult>(WorkflowNames.RequestOrchestrator,
            (context, input) => RequestWorkflow.RunAsync(context, input));
        foreach (var activity in Activities) activity.AddTo(registry);
        return registry;
    }

    /// <summary>Registers the activity classes in DI (both hosts).</summary>
    public static IServiceCollection AddWorkflowActivities(this IServiceCollection services)
    {
        foreach (var activity in Activities) services.AddSingleton(activity.ActivityType);
        return services;
    }
}
