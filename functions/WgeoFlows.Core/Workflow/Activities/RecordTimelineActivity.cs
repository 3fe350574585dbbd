using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Activities;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
public sealed record RecordTimelineCommand(string RequestId, string EventKey, string Actor, string Action, string? Detail, DateTimeOffset At)
    : IHasRequestId;

public sealed class RecordTimelineActivity(TimelineStore timeline) : IWorkflowActivity<RecordTimelineCommand, bool>
{
    public async Task<bool> RunAsync(RecordTimelineCommand c, CancellationToken cancellationToken = default)
    {
        await timeline.AppendAsync(new TimelineEntry(c.RequestId, c.EventKey, c.Actor, c.Action, c.Detail, c.At), cancellationToken);
        return true;
    }
}
