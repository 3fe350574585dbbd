using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Review.Activities;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using A = WgeoFlows.Workflow.WorkflowNames.Activities;

namespace WgeoFlows.Functions.Workflow;

/// <summary>One function per activity of <see cref="Hosting.WorkflowRegistration.Activities"/>, each handing its input to the
/// Core class inside its request's telemetry. Resolved per call so that a function needs only the activity it runs.</summary>
public sealed class ActivityFunctions(IServiceProvider services)
{
    private Task<TOut> Run<TActivity, TIn, TOut>(TIn input, CancellationToken ct) where TActivity : IWorkflowActivity<TIn, TOut> =>
        services.RunWorkflowActivityAsync<TActivity, TIn, TOut>(input, ct);

    [Function(A.BeginRequest)]
    public Task<RequestStart> BeginRequest([ActivityTrigger] string requestId, CancellationToken ct) =>
        Run<BeginRequestActivity, string, RequestStart>(requestId, ct);

    [Function(A.RecordStatus)]
    public Task<bool> RecordStatus([ActivityTrigger] RecordStatusCommand command, CancellationToken ct) =>
        Run<RecordStatusActivity, RecordStatusCommand, bool>(command, ct);

    [Function(A.RecordTimeline)]
    public Task<bool> RecordTimeline([ActivityTrigger] RecordTimelineCommand command, CancellationToken ct) =>
        Run<RecordTimelineActivity, RecordTimelineCommand, bool>(command, ct);

    [Function(A.ScreenRequest)]
    public Task<ScreeningOutcome> ScreenRequest([ActivityTrigger] string requestId, CancellationToken ct) =>
        Run<ScreenRequestActivity, string, ScreeningOutcome>(requestId, ct);

    [Function(A.SendEmail)]
    public Task<EmailOutcome> SendEmail([ActivityTrigger] EmailCommand command, CancellationToken ct) =>
        Run<SendEmailActivity, EmailCommand, EmailOutcome>(command, ct);

    [Function(A.OpenReview)]
    public Task<OpenedReview> OpenReview([ActivityTrigger] OpenReviewCommand command, CancellationToken ct) =>
        Run<OpenReviewActivity, OpenReviewCommand, OpenedReview>(command, ct);

    [Function(A.OpenRequesterUpdate)]
    public Task<PersonLink> OpenRequesterUpdate([ActivityTrigger] OpenUpdateCommand command, CancellationToken ct) =>
        Run<OpenRequesterUpdateActivity, OpenUpdateCommand, PersonLink>(command, ct);

    [Function(A.AppendAnswer)]
    public Task<bool> AppendAnswer([ActivityTrigger] AppendAnswerCommand command, CancellationToken ct) =>
        Run<AppendAnswerActivity, AppendAnswerCommand, bool>(command, ct);

    [Function(A.CloseStage)]
    public Task<bool> CloseStage([ActivityTrigger] CloseStageCommand command, CancellationToken ct) =>
        Run<CloseStageActivity, CloseStageCommand, bool>(command, ct);

    [Function(A.RankPartners)]
    public Task<RankedPartners> RankPartners([ActivityTrigger] string requestId, CancellationToken ct) =>
        Run<RankPartnersActivity, string, RankedPartners>(requestId, ct);

    [Function(A.OpenOffers)]
    public Task<OpenedOffers> OpenOffers([ActivityTrigger] OpenOffersCommand command, CancellationToken ct) =>
        Run<OpenOffersActivity, OpenOffersCommand, OpenedOffers>(command, ct);

    [Function(A.ReserveCapacity)]
    public Task<Reservation> ReserveCapacity([ActivityTrigger] ReserveCapacityCommand command, CancellationToken ct) =>
        Run<ReserveCapacityActivity, ReserveCapacityCommand, Reservation>(command, ct);

    [Function(A.ReleaseCapacity)]
    public Task<bool> ReleaseCapacity([ActivityTrigger] ReleaseCapacityCommand command, CancellationToken ct) =>
        Run<ReleaseCapacityActivity, ReleaseCapacityCommand, bool>(command, ct);

    [Function(A.OpenFollowUp)]
    public Task<OpenedFollowUp> OpenFollowUp([ActivityTrigger] OpenFollowUpCommand command, CancellationToken ct) =>
        Run<OpenFollowUpActivity, OpenFollowUpCommand, OpenedFollowUp>(command, ct);

    [Function(A.OpenConfirmation)]
    public Task<OpenedConfirmation> OpenConfirmation([ActivityTrigger] OpenConfirmationCommand command, CancellationToken ct) =>
        Run<OpenConfirmationActivity, OpenConfirmationCommand, OpenedConfirmation>(command, ct);

    [Function(A.ExpireUnconfirmed)]
    public Task<bool> ExpireUnconfirmed([ActivityTrigger] string requestId, CancellationToken ct) =>
        Run<ExpireUnconfirmedActivity, string, bool>(requestId, ct);
}
