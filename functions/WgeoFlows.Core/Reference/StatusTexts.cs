using WgeoFlows.Localization;
using WgeoFlows.Workflow;

namespace WgeoFlows.Reference;

/// <summary>
/// A request's status in words for its requester (the status page, the emails): a short title and what it means for
/// them, from the message catalog in any served language, English otherwise. The keys are written out, one line per
/// status, so that the catalog tests see each of them read.
/// </summary>
public static class StatusTexts
{
    private static readonly Dictionary<RequestStatus, (string Title, string Explanation)> Keys = new()
    {
        [RequestStatus.AwaitingConfirmation] = ("status.awaitingConfirmation.title", "status.awaitingConfirmation.explanation"),
        [RequestStatus.Received] = ("status.received.title", "status.received.explanation"),
        [RequestStatus.Screening] = ("status.screening.title", "status.screening.explanation"),
        [RequestStatus.InReview] = ("status.inReview.title", "status.inReview.explanation"),
        [RequestStatus.AwaitingRequesterInfo] = ("status.awaitingRequesterInfo.title", "status.awaitingRequesterInfo.explanation"),
        [RequestStatus.Matching] = ("status.matching.title", "status.matching.explanation"),
        [RequestStatus.AwaitingPartner] = ("status.awaitingPartner.title", "status.awaitingPartner.explanation"),
        [RequestStatus.NeedsManualMatch] = ("status.needsManualMatch.title", "status.needsManualMatch.explanation"),
        [RequestStatus.Matched] = ("status.matched.title", "status.matched.explanation"),
        [RequestStatus.FollowUp] = ("status.followUp.title", "status.followUp.explanation"),
        [RequestStatus.Closed] = ("status.closed.title", "status.closed.explanation"),
        [RequestStatus.Rejected] = ("status.rejected.title", "status.rejected.explanation"),
        [RequestStatus.Expired] = ("status.expired.title", "status.expired.explanation"),
        [RequestStatus.Failed] = ("status.failed.title", "status.failed.explanation"),
        [RequestStatus.Cancelled] = ("status.cancelled.title", "status.cancelled.explanation"),
    };

    /// <summary>The status's title and explanation in <paramref name="language"/> (English when it is not served).</summary>
    public static (string Title, string Explanation) Describe(RequestStatus status, string? language) =>
        Describe(status, TextCatalog.Default.For(language));

    public static (string Title, string Explanation) Describe(RequestStatus status, Texts texts)
    {
        // A status added to the enum without words shows its name rather than failing the page or the email.
        if (!Keys.TryGetValue(status, out var keys)) return (status.ToString(), "");
        return (texts[keys.Title], texts[keys.Explanation]);
    }
}
