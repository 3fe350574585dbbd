using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Review;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Web;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.LinkPages;

/// <summary>
/// The pages behind emailed links (/api/review|update|offer|confirm/{token}). GET and HEAD only show: mail scanners open
/// links before people do. POST decides: the stage records the first decision (ETag), and only then is the event
/// raised to the orchestration, so exactly one decision per stage reaches the workflow.
/// </summary>
public sealed class LinkPageHandler(
    IOptions<LinkOptions> options,
    LinkStageStore stages,
    RequestStore requests,
    TimelineStore timeline,
    ReviewerStore reviewers,
    PageRenderer pages,
    TimeProvider clock,
    ILogger<LinkPageHandler> logger)
{
    private const int MaxCommentLength = ReviewLimits.MaxCommentLength;
    private const int MaxAnswerLength = ReviewLimits.MaxAnswerLength;
    public const string ConfirmDecision = "confirm";

    public async Task<IResult> ShowAsync(LinkKind kind, string token, CancellationToken cancellationToken = default)
    {
        var (error, claims) = await ReadTokenAsync(kind, token);
        if (error is not null) return error;
        var stage = await stages.GetAsync(claims!.RequestId, claims.StageKey, cancellationToken);
        var request = (await requests.GetAsync(claims.RequestId, cancellationToken))?.Request;
        if (stage is null || request is null || !stage.Allows(claims.Person)) return await StaleAsync();
        // A step that is over (decided, reassigned, expired, cancelled) shows its notice only, never the request: whoever
        // still holds the link no longer needs what the requester wrote.
        if (stage.ClosedReason is not null) return await pages.MessageAsync(410, "This step is over", Notice(stage));
        if (stage.Decision is not null) return await pages.MessageAsync(409, "Already decided", AlreadyDecided(stage));
        return await pages.PageAsync(200, "decision", Heading(kind),
            Model(kind, token, stage, request, await ExchangesAsync(kind, request, cancellationToken)));
    }

    public async Task<IResult> DecideAsync(LinkKind kind, string token, HttpRequest http, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var (error, claims) = await ReadTokenAsync(kind, token);
        if (error is not null) return error;
        using var operation = RequestOperation.Start(logger, "link decision", claims!.RequestId).Tag("wgeo.link_kind", kind.ToWord());
        if (!http.HasFormContentType)
        {
            return await pages.MessageAsync(415, "Unsupported form", "Please use the form on the link's page to send your decision.");
        }
        var form = await FormBody.TryReadAsync(http, cancellationToken);
        if (form is null) return await pages.MessageAsync(400, "Unreadable form", "Please use the form on the link's page to send your decision.");
        var (decision, comment, invalid) = ReadDecision(kind, form);
        if (invalid is not null) return await pages.MessageAsync(400, "Please check your answer", invalid);

        var request = (await requests.GetAsync(claims!.RequestId, cancellationToken))?.Request;
        if (request is null) return await StaleAsync();
        if (decision == ReviewStep.RequestInfo && request.AddedInformation.Count >= ReviewLimits.MaxInformationRounds)
        {
            return await pages.MessageAsync(400, "Please check your answer",
                $"This request has already had {ReviewLimits.MaxInformationRounds} rounds of questions, the most it may have: please approve or reject it.");
        }
        var taken = new LinkDecision(claims.StageKey, claims.Person, decision!, comment, clock.GetUtcNow());
        var (outcome, stage) = await stages.TryDecideAsync(claims.RequestId, taken, cancellationToken);
        switch (outcome)
        {
            case DecideOutcome.Recorded:
                try
                {
                    await RaiseAsync(durable, kind, claims.RequestId, taken, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The stage took the decision but the workflow did not hear of it: take it back, so that sending it
                    // again works (a decided stage never raises its event again).
                    logger.LogWarning(e, "Could not raise the {Kind} decision of stage {StageKey}; taking it back", kind.ToWord(), claims.StageKey);
                    await stages.UndoDecisionAsync(claims.RequestId, taken, CancellationToken.None);
                    return await pages.MessageAsync(503, "Please try again",
                        "Your answer could not be passed on just now and was not recorded. Please send it again in a minute.");
                }
                await timeline.AppendAsync(new TimelineEntry(claims.RequestId, "decision|" + claims.StageKey, claims.Person,
                    $"{kind.ToWord()} decision: {decision}", comment, taken.At), cancellationToken);
                return await pages.MessageAsync(200, "Thank you", Confirmation(kind, decision!));
            case DecideOutcome.AlreadyDecided when stage!.ClosedReason is not null:
                // Decided, and the workflow has since moved past it (a new round after the requester's answer).
                return await pages.MessageAsync(410, "This step is over", $"{AlreadyDecided(stage)} {ClosedText(stage)}");
            case DecideOutcome.AlreadyDecided when string.Equals(stage!.Decision!.Person, claims.Person, StringComparison.OrdinalIgnoreCase)
                                                  && stage.Decision.Decision == decision:
                // The same person sending the same decision again (a double click, a reload): it is recorded and was passed
                // on when it was taken; a decided stage is closed, so nothing is raised again.
                return await pages.MessageAsync(200, "Already recorded", Confirmation(kind, decision!));
            case DecideOutcome.AlreadyDecided:
                return await pages.MessageAsync(409, "Already decided", AlreadyDecided(stage!));
            case DecideOutcome.Closed:
                return await pages.MessageAsync(410, "This step is over", ClosedText(stage!));
            default:
                return await StaleAsync();
        }
    }

    private static async Task RaiseAsync(DurableTaskClient durable, LinkKind kind, string requestId, LinkDecision decision,
        CancellationToken cancellationToken)
    {
        var workflowEvent = kind switch
        {
            LinkKind.Review => WorkflowEvents.ReviewDecision,
            LinkKind.Update => WorkflowEvents.RequesterUpdate,
            LinkKind.Confirm => WorkflowEvents.RequesterConfirmation,
            _ => WorkflowEvents.PartnerResponse,
        };
        await durable.RaiseEventAsync(requestId, workflowEvent, decision, cancellationToken);
    }

    private async Task<(IResult? Error, LinkClaims? Claims)> ReadTokenAsync(LinkKind kind, string token)
    {
        var check = LinkToken.Read(token, kind, options.Value.SigningKey, clock.GetUtcNow(), out var claims);
        if (check != LinkTokenCheck.Valid) logger.LogInformation("Refused a {Kind} link: {Check}", kind.ToWord(), check);
        return check == LinkTokenCheck.Valid
            ? (null, claims)
            : (await LinkRefusalPage.ForAsync(pages, check, "If you still need to act on this request, please contact the WGEO secretariat."), null);
    }

    private Task<IResult> StaleAsync() => pages.MessageAsync(410, "This link is no longer active",
        "This step has moved on: a newer link has been sent, or the request was reassigned or closed.");

    private static (string? Decision, string? Comment, string? Invalid) ReadDecision(LinkKind kind, IFormCollection form)
    {
        string? Field(string name) => form[name].Count == 1 ? form[name][0]?.Trim() : null;
        var comment = Field("comment");
        if (comment is { Length: > MaxCommentLength }) return (null, null, $"The comment is too long (at most {MaxCommentLength} characters).");
        if (comment is not null && JsonText.HasForbiddenCharacters(comment, allowLineBreaksAndTabs: true))
            return (null, null, "The comment must not contain control characters other than line breaks and tabs.");
        switch (kind)
        {
            case LinkKind.Review:
                if (!ReviewVerdicts.TryParse(Field("decision"), out var verdict))
                    return (null, null, "Please choose approve, reject or ask for more information.");
                if (verdict is not ReviewVerdict.Approve && string.IsNullOrWhiteSpace(comment))
                    return (null, null, verdict == ReviewVerdict.Reject
                        ? "Please say why the request is rejected: the requester will read it."
                        : "Please write the question for the requester.");
                return (verdict.ToWord(), string.IsNullOrEmpty(comment) ? null : comment, null);
            case LinkKind.Confirm:
                // The button is the whole decision: the link itself proves the address.
                return (ConfirmDecision, null, null);
            case LinkKind.Update:
                var answer = Field("answer");
                if (string.IsNullOrWhiteSpace(answer)) return (null, null, "Please write your answer.");
                if (answer.Length > MaxAnswerLength) return (null, null, $"The answer is too long (at most {MaxAnswerLength} characters).");
                if (JsonText.HasForbiddenCharacters(answer, allowLineBreaksAndTabs: true))
                    return (null, null, "The answer must not contain control characters other than line breaks and tabs.");
                return ("answer", answer, null);
            default:
                if (!OfferAnswers.TryParse(Field("response"), out var response)) return (null, null, "Please choose accept or decline.");
                return (response.ToWord(), string.IsNullOrEmpty(comment) ? null : comment, null);
        }
    }

    /// <summary>The questions reviewers asked the requester and the answers, as the page shows them: reviewers see who
    /// asked (their colleagues' addresses), the requester sees only the asker's role, a partner sees none of them.</summary>
    private async Task<IReadOnlyList<ExchangeView>> ExchangesAsync(LinkKind kind, SupportRequest request, CancellationToken cancellationToken)
    {
        if (kind == LinkKind.Offer || request.AddedInformation.Count == 0) return [];
        if (kind == LinkKind.Review) return request.AddedInformation.Select(x => new ExchangeView(x.AskedBy, x.Question, x.Answer)).ToList();
        var roles = (await reviewers.ListForPlatformAsync(request.Organization.Platform, cancellationToken))
            .GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Role, StringComparer.OrdinalIgnoreCase);
        return request.AddedInformation.Select(x => new ExchangeView(RoleOf(roles, x.AskedBy), x.Question, x.Answer)).ToList();
    }

    private static string RoleOf(Dictionary<string, ReviewerRole> roles, string email) =>
        roles.TryGetValue(email, out var role) ? role == ReviewerRole.Backup ? "Backup reviewer" : "Reviewer" : "Reviewer";

    /// <summary>One question and answer as a link page shows it; <see cref="AskedBy"/> is an address or a role.</summary>
    public sealed record ExchangeView(string AskedBy, string Question, string? Answer);

    private static Dictionary<string, object?> Model(LinkKind kind, string token, LinkStage stage, SupportRequest request,
        IReadOnlyList<ExchangeView> exchanges)
    {
        var model = RequestView.Labels(request);
        model["heading"] = Heading(kind);
        // The page's template tells the kinds apart by their words.
        model["kind"] = kind.ToWord();
        model["request"] = request;
        model["stage"] = stage;
        model["open"] = stage.IsOpen;
        model["question"] = stage.Question;
        model["exchanges"] = exchanges;
        model["action"] = $"/api/{kind.ToWord()}/{token}";
        // Partners see the requester's contact only in the introduction, once they have accepted.
        model["showContact"] = kind != LinkKind.Offer;
        // A confirmation link may reach someone who never asked for anything: no files until the request is confirmed.
        model["attachments"] = kind is LinkKind.Offer or LinkKind.Confirm
            ? Array.Empty<object>()
            : request.Attachments.Select(a => new
            {
                a.FileName,
                Size = $"{Math.Max(1, a.Size / 1024)} KB",
                Url = $"/api/{kind.ToWord()}/{token}/attachments/{Uri.EscapeDataString(a.FileName)}"
            }).ToArray();
        model["submitLabel"] = kind switch
        {
            LinkKind.Review => "Send decision",
            LinkKind.Update => "Send answer",
            LinkKind.Confirm => "Confirm my request",
            _ => "Send response",
        };
        // Only an open stage's page is shown (a step that is over answers with its notice alone).
        model["closedMessage"] = null;
        return model;
    }

    private static string Heading(LinkKind kind) => kind switch
    {
        LinkKind.Review => "Review a support request",
        LinkKind.Update => "Add information to your request",
        LinkKind.Confirm => "Confirm your support request",
        _ => "An offer to support a request",
    };

    private static string AlreadyDecided(LinkStage stage) =>
        $"This step was already decided by {stage.Decision!.Person} on {RequestView.When(stage.Decision.At)} ({stage.Decision.Decision}).";

    private static string Notice(LinkStage stage) =>
        stage.Decision is not null ? $"{AlreadyDecided(stage)} {ClosedText(stage)}" : ClosedText(stage);

    private static string ClosedText(LinkStage stage) =>
        $"This step was closed on {RequestView.When(stage.ClosedAt ?? stage.OpenedAt)}: {stage.ClosedReason}.";

    private static string Confirmation(LinkKind kind, string decision) => kind switch
    {
        LinkKind.Review => $"Your decision ({decision}) is recorded. The requester and the next people in the workflow are informed by email.",
        LinkKind.Update => "Your answer is recorded and the reviewers will see it. You will hear from us by email.",
        LinkKind.Confirm => "Your request is confirmed. We now check it and send you an acknowledgement by email.",
        _ => decision == MatchingStep.Accept
            ? "Thank you for accepting. You will receive an introduction email with the requester's contact details."
            : "Your answer is recorded. Thank you for letting us know.",
    };
}
