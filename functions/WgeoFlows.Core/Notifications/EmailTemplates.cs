namespace WgeoFlows.Notifications;

/// <summary>
/// The names of the email templates and the <see cref="EmailCommand.Values"/> keys each one needs. The wording lives in
/// the message catalog's mail.* keys, read by the embedded files Templates/{name}.liquid (see Templates/README.md); this is the
/// contract for callers.
/// </summary>
public static class EmailTemplates
{
    public const string Acknowledgement = "acknowledgement";
    public const string ScreeningRejected = "screening-rejected";
    public const string ReviewRequest = "review-request";
    public const string ReviewReminder = "review-reminder";
    public const string ReviewEscalation = "review-escalation";
    public const string InfoRequest = "info-request";
    public const string RequestRejected = "request-rejected";
    public const string RequestExpired = "request-expired";
    public const string Offer = "offer";
    public const string IntroductionRequester = "introduction-requester";
    public const string IntroductionPartner = "introduction-partner";
    public const string NeedsManualMatch = "needs-manual-match";
    public const string FollowUp = "follow-up";
    public const string RequestCancelled = "request-cancelled";
    public const string ActionWithdrawn = "action-withdrawn";
    /// <summary>A public door's one mail: the reference number and the confirm link, nothing the submitter typed.</summary>
    public const string Confirmation = "confirmation";
    /// <summary>To the admins, once: a request waits in review because its platform has no primary reviewer.</summary>
    public const string ReviewerMissing = "reviewer-missing";

    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        [Acknowledgement] = [EmailValueKeys.StatusUrl],
        [ScreeningRejected] = [EmailValueKeys.Reasons],
        [ReviewRequest] = [EmailValueKeys.ReviewLink, EmailValueKeys.StageName, EmailValueKeys.ReviewerName],
        [ReviewReminder] = [EmailValueKeys.ReviewLink, EmailValueKeys.StageName],
        [ReviewEscalation] = [EmailValueKeys.ReviewLink, EmailValueKeys.StageName, EmailValueKeys.PrimaryReviewer],
        [InfoRequest] = [EmailValueKeys.UpdateLink, EmailValueKeys.Question],
        [RequestRejected] = [EmailValueKeys.Comment],
        [RequestExpired] = [],
        [Offer] = [EmailValueKeys.OfferLink, EmailValueKeys.PartnerName, EmailValueKeys.PartnerOrganization, EmailValueKeys.Triangular],
        [IntroductionRequester] = [EmailValueKeys.PartnerNames, EmailValueKeys.PartnerOrganizations, EmailValueKeys.PartnerEmails, EmailValueKeys.PartnerCountries],
        [IntroductionPartner] = [EmailValueKeys.PartnerName],
        [NeedsManualMatch] = [EmailValueKeys.AdminUrl],
        [FollowUp] = [EmailValueKeys.FollowUpLink],
        [RequestCancelled] = [EmailValueKeys.Reason],
        [ActionWithdrawn] = [EmailValueKeys.Reason],
        [Confirmation] = [EmailValueKeys.ConfirmLink],
        [ReviewerMissing] = [EmailValueKeys.AdminUrl, EmailValueKeys.StageName],
    };

    public static IReadOnlyCollection<string> All => Required.Keys;

    public static bool Exists(string template) => Required.ContainsKey(template);

    /// <summary>The values keys <paramref name="template"/> needs; throws for an unknown template.</summary>
    public static IReadOnlyList<string> RequiredValues(string template) =>
        Required.TryGetValue(template, out var keys) ? keys : throw new ArgumentException($"Unknown email template '{template}'.", nameof(template));
}

/// <summary>Keys of <see cref="EmailCommand.Values"/>. Keys ending in "Link" or "Url" must be absolute http(s) addresses.</summary>
public static class EmailValueKeys
{
    public const string StatusUrl = "statusUrl";
    public const string Reasons = "reasons";
    public const string ReviewLink = "reviewLink";
    public const string StageName = "stageName";
    public const string ReviewerName = "reviewerName";
    public const string PrimaryReviewer = "primaryReviewer";
    public const string UpdateLink = "updateLink";
    public const string Question = "question";
    public const string Comment = "comment";
    public const string OfferLink = "offerLink";
    public const string PartnerName = "partnerName";
    public const string PartnerOrganization = "partnerOrganization";
    /// <summary>"true" or "false".</summary>
    public const string Triangular = "triangular";
    /// <summary>The introduction's partners, one per line in each of these four values, in the same order.</summary>
    public const string PartnerNames = "partnerNames";
    public const string PartnerOrganizations = "partnerOrganizations";
    public const string PartnerEmails = "partnerEmails";
    public const string PartnerCountries = "partnerCountries";
    public const string AdminUrl = "adminUrl";
    public const string FollowUpLink = "followUpLink";
    public const string Reason = "reason";
    public const string ConfirmLink = "confirmLink";
    /// <summary>Optional, for action-withdrawn: why the link no longer works, <see cref="CauseCancelled"/> or
    /// <see cref="CauseReassigned"/>, so the mail says it in its own language; <see cref="Reason"/> then holds only the
    /// admin's own words (may be empty). Without it, the reason is shown alone.</summary>
    public const string Cause = "cause";
    public const string CauseCancelled = "cancelled";
    public const string CauseReassigned = "reassigned";

    /// <summary>Optional values a template reads: given as empty when the workflow passes none.</summary>
    internal static readonly string[] Optional = [Cause];

    public static bool IsLink(string key) =>
        key.EndsWith("Link", StringComparison.Ordinal) || key.EndsWith("Url", StringComparison.Ordinal);
}
