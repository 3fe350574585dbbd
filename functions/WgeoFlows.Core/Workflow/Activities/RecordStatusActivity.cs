using WgeoFlows.Admin.Index;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Workflow.Activities;

/// <summary>One status change, written everywhere it shows: the request record, its timeline, the admin index.</summary>
public sealed class RecordStatusActivity(RequestStore requests, TimelineStore timeline, AdminIndexStore index)
    : IWorkflowActivity<RecordStatusCommand, bool>
{
    public async Task<bool> RunAsync(RecordStatusCommand command, CancellationToken cancellationToken = default)
    {
        var request = await requests.UpdateAsync(command.RequestId, r => r with { Status = command.Status, UpdatedAt = command.At },
            cancellationToken);
        await timeline.AppendAsync(new TimelineEntry(command.RequestId, command.EventKey, command.Actor, command.Action,
            command.Detail is null ? $"status {command.Status}" : $"status {command.Status}: {command.Detail}", command.At), cancellationToken);
        await index.RecordAsync(new AdminIndexItem(request.RequestId, request.Title, request.Organization.Name, request.Organization.Platform,
            request.Organization.Country, command.Status, request.SubmittedAt, command.At), command.Previous, cancellationToken);
        WgeoMetrics.StatusChanged(command.Status, command.Previous);
        return true;
    }
}
