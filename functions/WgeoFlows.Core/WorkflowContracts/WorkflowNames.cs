namespace WgeoFlows.WorkflowContracts;

/// <summary>
/// Every orchestrator, activity and event name in one place. Both hosts register these names,
/// and a running orchestration's history refers to them: renaming one breaks in-flight requests.
/// </summary>
public static class WorkflowNames
{
    public const string RequestOrchestrator = "RequestWorkflow";

    public static class Activities
    {
        public const string BeginRequest = "BeginRequest";
        public const string RecordStatus = "RecordStatus";
        public const string AppendAnswer = "AppendAnswer";
        public const string ScreenRequest = "ScreenRequest";
        public const string SendEmail = "SendEmail";
        public const string OpenReview = "OpenReview";
        public const string OpenRequesterUpdate = "OpenRequesterUpdate";
        public const string RankPartners = "RankPartners";
        public const string OpenOffers = "OpenOffers";
        public const string CloseStage = "CloseStage";
        public const string RecordTimeline = "RecordTimeline";
        public const string ReserveCapacity = "ReserveCapacity";
        public const string ReleaseCapacity = "ReleaseCapacity";
        public const string OpenFollowUp = "OpenFollowUp";
        public const string OpenConfirmation = "OpenConfirmation";
        public const string ExpireUnconfirmed = "ExpireUnconfirmed";
    }

    public static class Events
    {
        public const string ReviewDecision = "ReviewDecision";
        public const string RequesterUpdate = "RequesterUpdate";
        public const string PartnerResponse = "PartnerResponse";
        public const string AdminMatch = "AdminMatch";
        /// <summary>An admin's resend or reassign for the open review or update stage (payload: AdminActionEvent).</summary>
        public const string AdminAction = "AdminAction";
        public const string FollowUpAnswer = "FollowUpAnswer";
        /// <summary>The requester pressed the button of their confirmation link (payload: LinkDecision).</summary>
        public const string RequesterConfirmation = "RequesterConfirmation";
    }
}
