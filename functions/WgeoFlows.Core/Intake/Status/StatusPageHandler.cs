using Microsoft.AspNetCore.Http;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
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
        ("received", [RequestStatus.AwaitingConfirmation, RequestStatus.Received, RequestStatus.Screening]),
        ("review", [RequestStatus.InReview, RequestStatus.AwaitingRequesterInfo]),
        ("matching", [RequestStatus.Matching, RequestStatus.AwaitingPartner, RequestStatus.NeedsManualMatch]),
        ("matched", [RequestStatus.Matched]),
        ("closed", [RequestStatus.FollowUp, RequestStatus.Closed]),
    ];

    public async Task<IResult> ShowAsync(string requestId, string? signature, string? language, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(requestId) || requestId.Length > 64 || !links.IsValidStatusSignature(requestId, signature))
        {
            return await pages.MessageAsync(404, "Request not found",
                "This status link is not valid. Please open the link exactly as it was emailed to you.");
        }
        // Between the webhook's 202 and the dispatch, the request is only in the intake inbox: show it as received.
        var request = (await requests.GetAsync(requestId, cancellationToken))?.Request
            ?? (await inbox.GetPendingAsync(requestId, cancellationToken))?.Request;
        if (request is null) return await pages.MessageAsync(404, "Request not found", "No request has this reference number.");

        var lang = language is "en" or "fr" or "es" ? language : request.Contact.Language;
        var texts = StatusTexts.For(lang);
        var (title, explanation) = StatusTexts.Describe(request.Status, lang);
        var current = Array.FindIndex(Steps, s => s.Covers.Contains(request.Status));
        var model = new Dictionary<string, object?>
        {
            ["heading"] = texts.Heading,
            ["referenceLabel"] = texts.Reference,
            ["progressLabel"] = texts.Progress,
            ["currentLabel"] = texts.Current,
            ["updatedLabel"] = texts.Updated,
            ["requestId"] = request.RequestId,
            ["title"] = request.Title,
            ["statusText"] = title,
            ["explanation"] = explanation,
            ["final"] = request.Status.IsFinal() && request.Status != RequestStatus.Closed,
            ["updated"] = RequestView.When(request.UpdatedAt == default ? request.SubmittedAt : request.UpdatedAt),
            ["steps"] = Steps.Select((s, i) => new
            {
                Label = texts.Steps.TryGetValue(s.Key, out var label) ? label : s.Key,
                State = current < 0 ? "" : i < current ? "done" : i == current ? "current" : "",
            }).ToList(),
        };
        return await pages.PageAsync(200, "status", texts.Heading, model, StatusTexts.Languages.Contains(lang) ? lang : "en");
    }
}
