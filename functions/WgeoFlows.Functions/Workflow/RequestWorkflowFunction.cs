using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Functions.Workflow;

public static class RequestWorkflowFunction
{
    [Function(WorkflowNames.RequestOrchestrator)]
    public static Task<RequestWorkflowResult> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RequestWorkflow.RunAsync(context, context.GetInput<RequestWorkflowInput>()
            ?? throw new InvalidOperationException("The request workflow was started without its input."));
}
