using WgeoFlows.Storage;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Activities;

public sealed class RecordTimelineActivity(TimelineStore timeline) : IWorkflowActivity<RecordTimelineCommand, bool>
{
    public async Task<bool> RunAsync(RecordTimelineCommand c, CancellationToken cancellationToken = default)
    {
        await timeline.AppendAsync(new TimelineEntry(c.RequestId, c.EventKey, c.Actor, c.Action, c.Detail, c.At), cancellationToken);
        return true;
    }
}
