using WgeoFlows.Links;
using WgeoFlows.Workflow.Steps;
using E = WgeoFlows.WorkflowContracts.WorkflowNames.Events;

namespace WgeoFlows.WorkflowContracts;

/// <summary>Every event the request workflow waits for, with its payload type.</summary>
public static class WorkflowEvents
{
    public static readonly WorkflowEvent<LinkDecision> ReviewDecision = new(E.ReviewDecision);
    public static readonly WorkflowEvent<LinkDecision> RequesterUpdate = new(E.RequesterUpdate);
    public static readonly WorkflowEvent<LinkDecision> PartnerResponse = new(E.PartnerResponse);
    public static readonly WorkflowEvent<AdminMatchEvent> AdminMatch = new(E.AdminMatch);
    public static readonly WorkflowEvent<AdminActionEvent> AdminAction = new(E.AdminAction);
    public static readonly WorkflowEvent<LinkDecision> FollowUpAnswer = new(E.FollowUpAnswer);
    public static readonly WorkflowEvent<LinkDecision> RequesterConfirmation = new(E.RequesterConfirmation);

    public static IReadOnlyList<string> Names { get; } =
        [E.ReviewDecision, E.RequesterUpdate, E.PartnerResponse, E.AdminMatch, E.AdminAction, E.FollowUpAnswer, E.RequesterConfirmation];
}
