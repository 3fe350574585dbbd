using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Review.Activities;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using A = WgeoFlows.WorkflowContracts.WorkflowNames.Activities;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Functions.Workflow;

/// <summary>One function per activity of <see cref="WorkflowActivities"/>, each running its entry (the Core class inside its
/// request's telemetry). The Functions SDK needs the name and the trigger's type written out on each; a test checks that they
/// agree with the map. Resolved per call so that a function needs only the activity it runs.</summary>
public sealed class ActivityFunctions(IServiceProvider services)
{
    [Function(A.BeginRequest)]
    public Task<RequestStart> BeginRequest([ActivityTrigger] string requestId, CancellationToken ct) =>
        W.BeginRequest.RunAsync(services, requestId, ct);

    [Function(A.RecordStatus)]
    public Task<bool> RecordStatus([ActivityTrigger] RecordStatusCommand command, CancellationToken ct) =>
        W.RecordStatus.RunAsync(services, command, ct);

    [Function(A.RecordTimeline)]
    public Task<bool> RecordTimeline([ActivityTrigger] RecordTimelineCommand command, CancellationToken ct) =>
        W.RecordTimeline.RunAsync(services, command, ct);

    [Function(A.ScreenRequest)]
    public Task<ScreeningOutcome> ScreenRequest([ActivityTrigger] string requestId, CancellationToken ct) =>
        W.ScreenRequest.RunAsync(services, requestId, ct);

    [Function(A.SendEmail)]
    public Task<EmailOutcome> SendEmail([ActivityTrigger] EmailCommand command, CancellationToken ct) =>
        W.SendEmail.RunAsync(services, command, ct);

    [Function(A.OpenReview)]
    public Task<OpenedReview> OpenReview([ActivityTrigger] OpenReviewCommand command, CancellationToken ct) =>
        W.OpenReview.RunAsync(services, command, ct);

    [Function(A.OpenRequesterUpdate)]
    public Task<PersonLink> OpenRequesterUpdate([ActivityTrigger] OpenUpdateCommand command, CancellationToken ct) =>
        W.OpenRequesterUpdate.RunAsync(services, command, ct);

    [Function(A.AppendAnswer)]
    public Task<bool> AppendAnswer([ActivityTrigger] AppendAnswerCommand command, CancellationToken ct) =>
        W.AppendAnswer.RunAsync(services, command, ct);

    [Function(A.CloseStage)]
    public Task<bool> CloseStage([ActivityTrigger] CloseStageCommand command, CancellationToken ct) =>
        W.CloseStage.RunAsync(services, command, ct);

    [Function(A.RankPartners)]
    public Task<RankedPartners> RankPartners([ActivityTrigger] string requestId, CancellationToken ct) =>
        W.RankPartners.RunAsync(services, requestId, ct);

    [Function(A.OpenOffers)]
    public Task<OpenedOffers> OpenOffers([ActivityTrigger] OpenOffersCommand command, CancellationToken ct) =>
        W.OpenOffers.RunAsync(services, command, ct);

    [Function(A.ReserveCapacity)]
    public Task<Reservation> ReserveCapacity([ActivityTrigger] ReserveCapacityCommand command, CancellationToken ct) =>
        W.ReserveCapacity.RunAsync(services, command, ct);

    [Function(A.ReleaseCapacity)]
    public Task<bool> ReleaseCapacity([ActivityTrigger] ReleaseCapacityCommand command, CancellationToken ct) =>
        W.ReleaseCapacity.RunAsync(services, command, ct);

    [Function(A.OpenFollowUp)]
    public Task<OpenedFollowUp> OpenFollowUp([ActivityTrigger] OpenFollowUpCommand command, CancellationToken ct) =>
        W.OpenFollowUp.RunAsync(services, command, ct);

    [Function(A.OpenConfirmation)]
    public Task<OpenedConfirmation> OpenConfirmation([ActivityTrigger] OpenConfirmationCommand command, CancellationToken ct) =>
        W.OpenConfirmation.RunAsync(services, command, ct);

    [Function(A.ExpireUnconfirmed)]
    public Task<bool> ExpireUnconfirmed([ActivityTrigger] string requestId, CancellationToken ct) =>
        W.ExpireUnconfirmed.RunAsync(services, requestId, ct);
}
