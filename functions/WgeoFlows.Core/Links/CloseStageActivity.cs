using WgeoFlows.Shared;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Links;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
/// <summary>Closes a link stage. <see cref="EvenIfDecided"/> also marks a decided stage as over (superseded by a newer
/// round), so that its links answer "gone" rather than offering the old decision again.</summary>
public sealed record CloseStageCommand(string RequestId, string StageKey, string Reason, DateTimeOffset At, bool EvenIfDecided = false)
    : IHasRequestId;

public sealed class CloseStageActivity(LinkStageStore stages) : IWorkflowActivity<CloseStageCommand, bool>
{
    public async Task<bool> RunAsync(CloseStageCommand c, CancellationToken cancellationToken = default)
    {
        if (c.EvenIfDecided) await stages.SupersedeAsync(c.RequestId, c.StageKey, c.Reason, c.At, cancellationToken);
        else await stages.CloseAsync(c.RequestId, c.StageKey, c.Reason, c.At, cancellationToken);
        return true;
    }
}
