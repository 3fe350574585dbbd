using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Links;

public sealed class CloseStageActivity(LinkStageStore stages) : IWorkflowActivity<CloseStageCommand, bool>
{
    public async Task<bool> RunAsync(CloseStageCommand c, CancellationToken cancellationToken = default)
    {
        if (c.EvenIfDecided) await stages.SupersedeAsync(c.RequestId, c.StageKey, c.Reason, c.At, cancellationToken);
        else await stages.CloseAsync(c.RequestId, c.StageKey, c.Reason, c.At, cancellationToken);
        return true;
    }
}
