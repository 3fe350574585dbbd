using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Steps;

/// <summary>After <see cref="WorkflowSettings.FollowUpAfter"/>, the requester and every matched partner get a link to a short
/// form asking how the cooperation goes; their answers land in the timeline. When all have answered, or after
/// <c>FollowUp:AnswerWithin</c>, the partners' capacity is given back and the request is closed.</summary>
public static class FollowUpStep
{
    public static async Task RunAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester, IReadOnlyList<RankedPartner> partners)
    {
        await run.Context.CreateTimer((run.Now + run.Settings.FollowUpAfter).UtcDateTime, CancellationToken.None);
        await run.SetStatusAsync(RequestStatus.FollowUp, "follow-up", "follow-up started");

        FollowUpPerson[] people =
        [
            new("requester", requester.Email, requester.Name ?? facts.ContactName, facts.Language),
            .. partners.Select(p => new FollowUpPerson(p.PartnerId, p.Email, p.Name, p.Language ?? Languages.Default)),
        ];
        var opened = await run.Context.CallOpenFollowUpAsync(new OpenFollowUpCommand(run.RequestId, people, run.Now), run.Retry);
        foreach (var link in opened.Links)
        {
            await run.EmailAsync($"follow-up|{link.Person.Key}", EmailTemplates.FollowUp, link.Person.Language,
                new EmailRecipient(link.Person.Email, link.Person.Name),
                new Dictionary<string, string> { [EmailValueKeys.FollowUpLink] = link.Link.Url });
        }

        var unanswered = await WaitForAnswersAsync(run, opened);
        foreach (var partner in partners)
        {
            await run.Context.CallReleaseCapacityAsync(new ReleaseCapacityCommand(run.RequestId, partner.PartnerId), run.Retry);
        }
        await run.SetStatusAsync(RequestStatus.Closed, "closed", "engagement closed",
            unanswered.Count == 0 ? "every follow-up answered" : $"no follow-up answer from {string.Join(", ", unanswered)}");
    }

    /// <returns>The names of those who did not answer in time (their forms are closed).</returns>
    private static async Task<List<string>> WaitForAnswersAsync(WorkflowRun run, OpenedFollowUp opened)
    {
        var pending = opened.Links.ToDictionary(l => l.StageKey, StringComparer.Ordinal);
        var deadline = run.Now + opened.AnswerWithin;
        while (pending.Count > 0)
        {
            var answer = await run.WaitForEventAsync(WorkflowEvents.FollowUpAnswer, e => pending.ContainsKey(e.StageKey), deadline);
            if (answer is null) break;
            pending.Remove(answer.StageKey);
        }
        foreach (var stageKey in pending.Keys.Order(StringComparer.Ordinal))
        {
            await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, stageKey, "the follow-up was closed without this answer", run.Now), run.Retry);
        }
        return [.. pending.Values.Select(l => l.Person.Name)];
    }
}
