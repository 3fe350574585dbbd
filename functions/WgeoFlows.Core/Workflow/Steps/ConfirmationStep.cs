using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Steps;

/// <summary>
/// A request from a public door first waits in <see cref="RequestStatus.AwaitingConfirmation"/>: its one mail is the
/// confirmation (the reference number and a link, none of the submitter's text, not even their name), and it goes on only
/// when the requester presses the link page's button (<see cref="WorkflowEvents.RequesterConfirmation"/>), racing a
/// durable timer of <c>Intake:ConfirmWithin</c>. Unconfirmed, it loses its personal data and ends Expired.
/// </summary>
public static class ConfirmationStep
{
    public const string MessageKey = "confirm";

    public static string StageKeyOf(int attempt) => attempt == 0 ? "confirm" : $"confirm-a{attempt}";

    /// <summary>True once confirmed; false when it expired (the run is then over).</summary>
    public static async Task<bool> RunAsync(WorkflowRun run, RequestFacts facts)
    {
        await run.SetStatusAsync(RequestStatus.AwaitingConfirmation, "confirmation", "confirmation requested");
        var stageKey = StageKeyOf(run.Attempt);
        var opened = await run.Context.CallOpenConfirmationAsync(new OpenConfirmationCommand(run.RequestId, stageKey, run.Now), run.Retry);
        // No name: the requester's name is text the submitter typed, and this mail may reach a stranger.
        await run.EmailAsync(run.Attempt == 0 ? MessageKey : $"{MessageKey}-a{run.Attempt}", EmailTemplates.Confirmation, facts.Language,
            new EmailRecipient(facts.ContactEmail, null), new Dictionary<string, string> { [EmailValueKeys.ConfirmLink] = opened.Url });

        var confirmed = await run.WaitForEventAsync(WorkflowEvents.RequesterConfirmation, d => d.StageKey == stageKey,
            run.Now + opened.Within);
        if (confirmed is not null)
        {
            await run.RecordAsync("address confirmed", null, actor: "requester");
            return true;
        }

        await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, stageKey, "the request was not confirmed in time", run.Now), run.Retry);
        await run.Context.CallExpireUnconfirmedAsync(run.RequestId, run.Retry);
        await run.SetStatusAsync(RequestStatus.Expired, "confirmation", "not confirmed in time", "personal data removed");
        return false;
    }
}
