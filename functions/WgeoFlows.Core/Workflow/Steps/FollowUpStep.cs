using WgeoFlows.Notifications;

namespace WgeoFlows.Workflow.Steps;

/// <summary>After <see cref="WorkflowSettings.FollowUpAfter"/>, both sides are asked how the cooperation goes, the
/// partner's capacity is given back, and the request is closed.</summary>
public static class FollowUpStep
{
    public static async Task RunAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester, RankedPartner partner)
    {
        await run.Context.CreateTimer((run.Now + run.Settings.FollowUpAfter).UtcDateTime, CancellationToken.None);
        await run.SetStatusAsync(RequestStatus.FollowUp, "follow-up", "follow-up started");
        var values = new Dictionary<string, string> { ["followUpLink"] = facts.StatusUrl };
        await run.EmailAsync("follow-up|requester", "follow-up", facts.Language, requester, values);
        await run.EmailAsync($"follow-up|{partner.PartnerId}", "follow-up", "en", new EmailRecipient(partner.Email, partner.Name), values);
        await run.CallAsync<bool>(WorkflowNames.Activities.ReleaseCapacity, new ReleaseCapacityCommand(run.RequestId, partner.PartnerId));
        await run.SetStatusAsync(RequestStatus.Closed, "closed", "engagement closed");
    }
}
