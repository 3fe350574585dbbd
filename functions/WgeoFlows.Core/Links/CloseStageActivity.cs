using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Links;

public sealed class CloseStageActivity(LinkStageStore stages) : IWorkflowActivity<CloseStageCommand, bool>
{
    public async Task<bool> RunAsync(CloseStageCommand c, CancellationToken cancellationToken = default)
    {
        await stages.CloseAsync(c.RequestId, c.StageKey, c.Reason, c.At, cancellationToken, c.EvenIfDecided);
        return true;
    }
}
