using WgeoFlows.Admin.Actions;
using WgeoFlows.Links;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Review;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow.Orchestration;

/// <summary>The payloads the link pages and the admin API raise, as they raise them.</summary>
internal static class Decisions
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public static LinkDecision Review(string stageKey, string decision, string? comment = null, string person = WorkflowScenario.Primary) =>
        new(stageKey, person, decision, comment, Now);

    public static LinkDecision Approve(string stageKey, string person = WorkflowScenario.Primary) => Review(stageKey, ReviewStep.Approve, person: person);

    public static LinkDecision Answer(string stageKey, string answer) => new(stageKey, WorkflowScenario.Requester, "answer", answer, Now);

    public static LinkDecision Accept(string partnerId, int round) =>
        new(WorkflowScenario.OfferKey(partnerId, round), $"{partnerId}@partners.example", MatchingStep.Accept, null, Now);

    public static LinkDecision Decline(string partnerId, int round) =>
        new(WorkflowScenario.OfferKey(partnerId, round), $"{partnerId}@partners.example", MatchingStep.Decline, "no time", Now);

    public static LinkDecision FollowUp(string stageKey) => new(stageKey, "someone", "on-track", null, Now);

    public static AdminActionEvent Admin(AdminAction action, string stageKey, string? reviewer = null) =>
        new(action, stageKey, "admin@example.org", Now, reviewer);
}
