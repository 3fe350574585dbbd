using Microsoft.DurableTask;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Review.Activities;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Workflow.Wiring;

/// <summary>
/// Typed calls of the workflow's activities, one per entry of <see cref="WorkflowActivities"/>: go-to-definition leads to the
/// binding and from there to the class. Written by hand because the Durable Task source generator is not available here; each
/// line only forwards to its binding, which holds the name and the types.
/// </summary>
public static class WorkflowActivityCalls
{
    public static Task<RequestStart> CallBeginRequestAsync(this TaskOrchestrationContext context, string requestId, TaskOptions? options = null) =>
        W.BeginRequest.CallAsync(context, requestId, options);

    public static Task<bool> CallRecordStatusAsync(this TaskOrchestrationContext context, RecordStatusCommand command, TaskOptions? options = null) =>
        W.RecordStatus.CallAsync(context, command, options);

    public static Task<bool> CallRecordTimelineAsync(this TaskOrchestrationContext context, RecordTimelineCommand command,
        TaskOptions? options = null) =>
        W.RecordTimeline.CallAsync(context, command, options);

    public static Task<ScreeningOutcome> CallScreenRequestAsync(this TaskOrchestrationContext context, string requestId,
        TaskOptions? options = null) =>
        W.ScreenRequest.CallAsync(context, requestId, options);

    public static Task<EmailOutcome> CallSendEmailAsync(this TaskOrchestrationContext context, EmailCommand command, TaskOptions? options = null) =>
        W.SendEmail.CallAsync(context, command, options);

    public static Task<OpenedReview> CallOpenReviewAsync(this TaskOrchestrationContext context, OpenReviewCommand command,
        TaskOptions? options = null) =>
        W.OpenReview.CallAsync(context, command, options);

    public static Task<PersonLink> CallOpenRequesterUpdateAsync(this TaskOrchestrationContext context, OpenUpdateCommand command,
        TaskOptions? options = null) =>
        W.OpenRequesterUpdate.CallAsync(context, command, options);

    public static Task<bool> CallAppendAnswerAsync(this TaskOrchestrationContext context, AppendAnswerCommand command, TaskOptions? options = null) =>
        W.AppendAnswer.CallAsync(context, command, options);

    public static Task<bool> CallCloseStageAsync(this TaskOrchestrationContext context, CloseStageCommand command, TaskOptions? options = null) =>
        W.CloseStage.CallAsync(context, command, options);

    public static Task<RankedPartners> CallRankPartnersAsync(this TaskOrchestrationContext context, string requestId, TaskOptions? options = null) =>
        W.RankPartners.CallAsync(context, requestId, options);

    public static Task<OpenedOffers> CallOpenOffersAsync(this TaskOrchestrationContext context, OpenOffersCommand command,
        TaskOptions? options = null) =>
        W.OpenOffers.CallAsync(context, command, options);

    public static Task<Reservation> CallReserveCapacityAsync(this TaskOrchestrationContext context, ReserveCapacityCommand command,
        TaskOptions? options = null) =>
        W.ReserveCapacity.CallAsync(context, command, options);

    public static Task<bool> CallReleaseCapacityAsync(this TaskOrchestrationContext context, ReleaseCapacityCommand command,
        TaskOptions? options = null) =>
        W.ReleaseCapacity.CallAsync(context, command, options);

    public static Task<OpenedFollowUp> CallOpenFollowUpAsync(this TaskOrchestrationContext context, OpenFollowUpCommand command,
        TaskOptions? options = null) =>
        W.OpenFollowUp.CallAsync(context, command, options);

    public static Task<OpenedConfirmation> CallOpenConfirmationAsync(this TaskOrchestrationContext context, OpenConfirmationCommand command,
        TaskOptions? options = null) =>
        W.OpenConfirmation.CallAsync(context, command, options);

    public static Task<bool> CallExpireUnconfirmedAsync(this TaskOrchestrationContext context, string requestId, TaskOptions? options = null) =>
        W.ExpireUnconfirmed.CallAsync(context, requestId, options);
}
