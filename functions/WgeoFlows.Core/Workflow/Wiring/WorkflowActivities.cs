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
using A = WgeoFlows.WorkflowContracts.WorkflowNames.Activities;

namespace WgeoFlows.Workflow.Wiring;

/// <summary>
/// The one map of the workflow's activities: each name (as histories hold it) with its class and its input and output types.
/// The local host registers <see cref="All"/> with its Durable Task worker; the Functions host has one thin [Function] per
/// entry that runs the entry, and a test checks that those functions and this list agree.
/// </summary>
public static class WorkflowActivities
{
    public static readonly ActivityBinding<BeginRequestActivity, string, RequestStart> BeginRequest = new(A.BeginRequest);
    public static readonly ActivityBinding<RecordStatusActivity, RecordStatusCommand, bool> RecordStatus = new(A.RecordStatus);
    public static readonly ActivityBinding<RecordTimelineActivity, RecordTimelineCommand, bool> RecordTimeline = new(A.RecordTimeline);
    public static readonly ActivityBinding<ScreenRequestActivity, string, ScreeningOutcome> ScreenRequest = new(A.ScreenRequest);
    public static readonly ActivityBinding<SendEmailActivity, EmailCommand, EmailOutcome> SendEmail = new(A.SendEmail);
    public static readonly ActivityBinding<OpenReviewActivity, OpenReviewCommand, OpenedReview> OpenReview = new(A.OpenReview);
    public static readonly ActivityBinding<OpenRequesterUpdateActivity, OpenUpdateCommand, PersonLink> OpenRequesterUpdate =
        new(A.OpenRequesterUpdate);
    public static readonly ActivityBinding<AppendAnswerActivity, AppendAnswerCommand, bool> AppendAnswer = new(A.AppendAnswer);
    public static readonly ActivityBinding<CloseStageActivity, CloseStageCommand, bool> CloseStage = new(A.CloseStage);
    public static readonly ActivityBinding<RankPartnersActivity, string, RankedPartners> RankPartners = new(A.RankPartners);
    public static readonly ActivityBinding<OpenOffersActivity, OpenOffersCommand, OpenedOffers> OpenOffers = new(A.OpenOffers);
    public static readonly ActivityBinding<ReserveCapacityActivity, ReserveCapacityCommand, Reservation> ReserveCapacity =
        new(A.ReserveCapacity);
    public static readonly ActivityBinding<ReleaseCapacityActivity, ReleaseCapacityCommand, bool> ReleaseCapacity = new(A.ReleaseCapacity);
    public static readonly ActivityBinding<OpenFollowUpActivity, OpenFollowUpCommand, OpenedFollowUp> OpenFollowUp = new(A.OpenFollowUp);
    public static readonly ActivityBinding<OpenConfirmationActivity, OpenConfirmationCommand, OpenedConfirmation> OpenConfirmation =
        new(A.OpenConfirmation);
    public static readonly ActivityBinding<ExpireUnconfirmedActivity, string, bool> ExpireUnconfirmed = new(A.ExpireUnconfirmed);

    public static IReadOnlyList<IActivityBinding> All { get; } =
    [
        BeginRequest, RecordStatus, RecordTimeline, ScreenRequest, SendEmail, OpenReview, OpenRequesterUpdate, AppendAnswer, CloseStage,
        RankPartners, OpenOffers, ReserveCapacity, ReleaseCapacity, OpenFollowUp, OpenConfirmation, ExpireUnconfirmed,
    ];
}
