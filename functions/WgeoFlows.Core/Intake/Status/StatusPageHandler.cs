using Microsoft.AspNetCore.Http;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Reference;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Workflow;

namespace WgeoFlows.Intake.Status;

/// <summary>GET /api/status/{id}?sig=…: the requester's read-only view of where their request stands, in their language.</summary>
public sealed class StatusPageHandler(RequestStore requests, SubmissionInbox inbox, LinkIssuer links, PageRenderer pages)
{
    private static readonly (string Key, RequestStatus[] Covers)[] Steps =
    [
        ("status.step.received", [RequestStatus.AwaitingConfirmation, RequestStatus.Received, RequestStatus.Screening]),
        ("status.step.review", [RequestStatus.InReview, RequestStatus.AwaitingRequesterInfo]),
        ("status.step.matching", [RequestStatus.Matching, RequestStatus.AwaitingPartner, RequestStatus.NeedsManualMatch]),
        ("status.step.matched", [RequestStatus.Matched]),
        ("status.step.closed", [RequestStatus.FollowUp, RequestStatus.Closed]),
    ];

    /// <summary>The page in the language chosen from the request (?lang=, the switcher's cookie, Accept-Language); the
    /// emailed link carries the requester's language in ?lang=.</summary>
    public async Task<IResult> ShowAsync(HttpRequest http, string requestId, string? signature, CancellationToken cancellationToken = default)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var texts = pages.TextsFor(language);
        if (string.IsNullOrEmpty(requestId) || requestId.Length > 64 || !links.IsValidStatusSignature(requestId, signature))
        {
            return await pages.MessageAsync(404, language, texts["status.notFound.heading"], texts["status.notFound.badLink"]);
        }
        // Between the webhook's 202 and the dispatch, the request is only in the intake inbox: show it as received.
        var request = (await requests.GetAsync(requestId, cancellationToken))?.Request
            ?? (await inbox.GetPendingAsync(requestId, cancellationToken))?.Request;
        if (request is null) return await pages.MessageAsync(404, language, texts["status.notFound.heading"], texts["status.notFound.noRequest"]);

        var (title, explanation) = StatusTexts.Describe(request.Status, texts);
        var current = Array.FindIndex(Steps, s => s.Covers.Contains(request.Status));
        var model = new Dictionary<string, object?>
        {
            ["requestId"] = request.RequestId,
            ["title"] = request.Title,
            ["statusText"] = title,
            ["explanation"] = explanation,
            ["final"] = request.Status.IsFinal() && request.Status != RequestStatus.Closed,
            ["updated"] = texts.DateTime(request.UpdatedAt == default ? request.SubmittedAt : request.UpdatedAt),
            ["steps"] = Steps.Select((s, i) => new
            {
                Label = texts[s.Key],
                State = current < 0 ? "" : i < current ? "done" : i == current ? "current" : "",
            }).ToList(),
        };
        return await pages.PageAsync(200, "status", texts["status.heading"], model, language);
    }
}
