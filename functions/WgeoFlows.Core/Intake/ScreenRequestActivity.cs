using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Intake;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
public sealed record ScreeningOutcome(bool Eligible, IReadOnlyList<string> Reasons);

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
