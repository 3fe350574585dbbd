using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Localization;
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

    public async Task<IResult> ShowAsync(HttpRequest http, LinkKind kind, string token, CancellationToken cancellationToken = default)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var texts = pages.TextsFor(language);
        var (error, claims) = await ReadTokenAsync(language, kind, token);
        if (error is not null) return error;
        var stage = await stages.GetAsync(claims!.RequestId, claims.StageKey, cancellationToken);
        var request = (await requests.GetAsync(claims.RequestId, cancellationToken))?.Request;
        if (stage is null || request is null || !stage.Allows(claims.Person)) return await StaleAsync(language);
        // A step that is over (decided, reassigned, expired, cancelled) shows its notice only, never the request: whoever
        // still holds the link no longer needs what the requester wrote.
        if (stage.ClosedReason is not null) return await pages.MessageAsync(410, language, texts["link.over.heading"], Notice(texts, stage));
        if (stage.Decision is not null) return await pages.MessageAsync(409, language, texts["link.decided.heading"], AlreadyDecided(texts, stage));
        return await pages.PageAsync(200, "decision", Heading(texts, kind),
            Model(texts, kind, token, stage, request, await ExchangesAsync(texts, kind, request, cancellationToken)), language);
    }

    public async Task<IResult> DecideAsync(LinkKind kind, string token, HttpRequest http, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var texts = pages.TextsFor(language);
        var (error, claims) = await ReadTokenAsync(language, kind, token);
        if (error is not null) return error;
        using var operation = RequestOperation.Start(logger, "link decision", claims!.RequestId).Tag("wgeo.link_kind", kind.ToWord());
        if (!http.HasFormContentType)
        {
            return await pages.MessageAsync(415, language, texts["page.unsupportedForm.heading"], texts["page.useForm.decision"]);
        }
        var form = await FormBody.TryReadAsync(http, cancellationToken);
        if (form is null) return await pages.MessageAsync(400, language, texts["page.unreadableForm.heading"], texts["page.useForm.decision"]);
        var (decision, comment, invalid) = ReadDecision(texts, kind, form);
        if (invalid is not null) return await pages.MessageAsync(400, language, texts["page.checkAnswer.heading"], invalid);

        var request = (await requests.GetAsync(claims!.RequestId, cancellationToken))?.Request;
        if (request is null) return await StaleAsync(language);
        if (decision == ReviewStep.RequestInfo && request.AddedInformation.Count >= ReviewLimits.MaxInformationRounds)
        {
            return await pages.MessageAsync(400, language, texts["page.checkAnswer.heading"],
                texts.Format("link.rounds", ("rounds", ReviewLimits.MaxInformationRounds)));
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
                    return await pages.MessageAsync(503, language, texts["page.tryAgain.heading"], texts["page.tryAgain.message"]);
                }
                await timeline.AppendAsync(new TimelineEntry(claims.RequestId, "decision|" + claims.StageKey, claims.Person,
                    $"{kind.ToWord()} decision: {decision}", comment, taken.At), cancellationToken);
                return await pages.MessageAsync(200, language, texts["page.thankYou.heading"], Confirmation(texts, kind, decision!));
            case DecideOutcome.AlreadyDecided when stage!.ClosedReason is not null:
                // Decided, and the workflow has since moved past it (a new round after the requester's answer).
                return await pages.MessageAsync(410, language, texts["link.over.heading"], $"{AlreadyDecided(texts, stage)} {ClosedText(texts, stage)}");
            case DecideOutcome.AlreadyDecided when string.Equals(stage!.Decision!.Person, claims.Person, StringComparison.OrdinalIgnoreCase)
                                                  && stage.Decision.Decision == decision:
                // The same person sending the same decision again (a double click, a reload): it is recorded and was passed
                // on when it was taken; a decided stage is closed, so nothing is raised again.
                return await pages.MessageAsync(200, language, texts["page.alreadyRecorded.heading"], Confirmation(texts, kind, decision!));
            case DecideOutcome.AlreadyDecided:
                return await pages.MessageAsync(409, language, texts["link.decided.heading"], AlreadyDecided(texts, stage!));
            case DecideOutcome.Closed:
                return await pages.MessageAsync(410, language, texts["link.over.heading"], ClosedText(texts, stage!));
            default:
                return await StaleAsync(language);
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

    private async Task<(IResult? Error, LinkClaims? Claims)> ReadTokenAsync(PageLanguage language, LinkKind kind, string token)
    {
        var check = LinkToken.Read(token, kind, options.Value.SigningKey, clock.GetUtcNow(), out var claims);
        if (check != LinkTokenCheck.Valid) logger.LogInformation("Refused a {Kind} link: {Check}", kind.ToWord(), check);
        return check == LinkTokenCheck.Valid
            ? (null, claims)
            : (await LinkRefusalPage.ForAsync(pages, language, check, pages.TextsFor(language)["link.expiredAdvice"]), null);
    }

    private Task<IResult> StaleAsync(PageLanguage language)
    {
        var texts = pages.TextsFor(language);
        return pages.MessageAsync(410, language, texts["page.stale.heading"], texts["link.stale"]);
    }

    private static (string? Decision, string? Comment, string? Invalid) ReadDecision(Texts texts, LinkKind kind, IFormCollection form)
    {
        string? Field(string name) => form[name].Count == 1 ? form[name][0]?.Trim() : null;
        string TooLong(string key, int max) => texts.Format(key, ("limit", texts.Plural("form.maxCharacters", max)));
        var comment = Field("comment");
        if (comment is { Length: > MaxCommentLength }) return (null, null, TooLong("page.comment.tooLong", MaxCommentLength));
        if (comment is not null && JsonText.HasForbiddenCharacters(comment, allowLineBreaksAndTabs: true))
            return (null, null, texts["page.comment.control"]);
        switch (kind)
        {
            case LinkKind.Review:
                if (!ReviewVerdicts.TryParse(Field("decision"), out var verdict))
                    return (null, null, texts["link.invalid.verdict"]);
                if (verdict is not ReviewVerdict.Approve && string.IsNullOrWhiteSpace(comment))
                    return (null, null, verdict == ReviewVerdict.Reject ? texts["link.invalid.reason"] : texts["link.invalid.question"]);
                return (verdict.ToWord(), string.IsNullOrEmpty(comment) ? null : comment, null);
            case LinkKind.Confirm:
                // The button is the whole decision: the link itself proves the address.
                return (ConfirmDecision, null, null);
            case LinkKind.Update:
                var answer = Field("answer");
                if (string.IsNullOrWhiteSpace(answer)) return (null, null, texts["link.invalid.answer"]);
                if (answer.Length > MaxAnswerLength) return (null, null, TooLong("link.invalid.answerTooLong", MaxAnswerLength));
                if (JsonText.HasForbiddenCharacters(answer, allowLineBreaksAndTabs: true))
                    return (null, null, texts["link.invalid.answerControl"]);
                return ("answer", answer, null);
            default:
                if (!OfferAnswers.TryParse(Field("response"), out var response)) return (null, null, texts["link.invalid.response"]);
                return (response.ToWord(), string.IsNullOrEmpty(comment) ? null : comment, null);
        }
    }

    /// <summary>The questions reviewers asked the requester and the answers, as the page shows them: reviewers see who
    /// asked (their colleagues' addresses), the requester sees only the asker's role, a partner sees none of them.</summary>
    private async Task<IReadOnlyList<ExchangeView>> ExchangesAsync(Texts texts, LinkKind kind, SupportRequest request, CancellationToken cancellationToken)
    {
        if (kind == LinkKind.Offer || request.AddedInformation.Count == 0) return [];
        if (kind == LinkKind.Review) return request.AddedInformation.Select(x => new ExchangeView(x.AskedBy, x.Question, x.Answer)).ToList();
        var roles = (await reviewers.ListForPlatformAsync(request.Organization.Platform, cancellationToken))
            .GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Role, StringComparer.OrdinalIgnoreCase);
        return request.AddedInformation.Select(x => new ExchangeView(RoleOf(texts, roles, x.AskedBy), x.Question, x.Answer)).ToList();
    }

    private static string RoleOf(Texts texts, Dictionary<string, ReviewerRole> roles, string email) =>
        roles.TryGetValue(email, out var role) && role == ReviewerRole.Backup ? texts["link.role.backup"] : texts["link.role.reviewer"];

    /// <summary>One question and answer as a link page shows it; <see cref="AskedBy"/> is an address or a role.</summary>
    public sealed record ExchangeView(string AskedBy, string Question, string? Answer);

    private static Dictionary<string, object?> Model(Texts texts, LinkKind kind, string token, LinkStage stage, SupportRequest request,
        IReadOnlyList<ExchangeView> exchanges)
    {
        var model = RequestView.Labels(request, texts);
        model["heading"] = Heading(texts, kind);
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
                Size = $"{texts.Number(Math.Max(1, a.Size / 1024))} KB",
                Url = $"/api/{kind.ToWord()}/{token}/attachments/{Uri.EscapeDataString(a.FileName)}"
            }).ToArray();
        model["submitLabel"] = kind switch
        {
            LinkKind.Review => texts["link.review.submit"],
            LinkKind.Update => texts["link.update.submit"],
            LinkKind.Confirm => texts["link.confirm.submit"],
            _ => texts["link.offer.submit"],
        };
        return model;
    }

    private static string Heading(Texts texts, LinkKind kind) => kind switch
    {
        LinkKind.Review => texts["link.review.heading"],
        LinkKind.Update => texts["link.update.heading"],
        LinkKind.Confirm => texts["link.confirm.heading"],
        _ => texts["link.offer.heading"],
    };

    private static string AlreadyDecided(Texts texts, LinkStage stage) => texts.Format("link.decided.message",
        ("person", stage.Decision!.Person), ("date", texts.DateTime(stage.Decision.At)), ("decision", stage.Decision.Decision));

    private static string Notice(Texts texts, LinkStage stage) =>
        stage.Decision is not null ? $"{AlreadyDecided(texts, stage)} {ClosedText(texts, stage)}" : ClosedText(texts, stage);

    private static string ClosedText(Texts texts, LinkStage stage) =>
        texts.Format("link.closed.message", ("date", texts.DateTime(stage.ClosedAt ?? stage.OpenedAt)), ("reason", stage.ClosedReason));

    private static string Confirmation(Texts texts, LinkKind kind, string decision) => kind switch
    {
        LinkKind.Review => texts.Format("link.review.done", ("decision", decision)),
        LinkKind.Update => texts["link.update.done"],
        LinkKind.Confirm => texts["link.confirm.done"],
        _ => decision == MatchingStep.Accept ? texts["link.offer.accepted"] : texts["link.offer.declined"],
    };
}
