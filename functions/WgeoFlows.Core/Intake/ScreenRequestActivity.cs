using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Intake;

/// <summary>The screening activity: the eligibility rules applied to the stored request.</summary>
public sealed class ScreenRequestActivity(RequestStore requests) : IWorkflowActivity<string, ScreeningOutcome>
{
    public async Task<ScreeningOutcome> RunAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var request = (await requests.GetAsync(requestId, cancellationToken))?.Request
            ?? throw new InvalidOperationException($"Request {requestId} has no record.");
        var result = ScreeningRules.Screen(request);
        return new ScreeningOutcome(result.Eligible, result.Reasons);
    }
}
