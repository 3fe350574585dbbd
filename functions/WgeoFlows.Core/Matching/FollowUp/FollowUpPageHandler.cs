using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.FollowUp;

/// <summary>
/// The follow-up form behind <c>/api/followup/{token}</c>. Like every emailed link: GET and HEAD only show (mail scanners
/// open links before people do); POST records the first answer of the stage (ETag), writes it to the request's timeline and
/// only then raises <see cref="WorkflowEvents.FollowUpAnswer"/>.
/// </summary>
public sealed class FollowUpPageHandler(
    IOptions<LinkOptions> options,
    LinkStageStore stages,
    RequestStore requests,
    TimelineStore timeline,
    PageRenderer pages,
    TimeProvider clock,
    ILogger<FollowUpPageHandler> logger)
{
    public async Task<IResult> ShowAsync(HttpRequest http, string token, CancellationToken cancellationToken = default)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var texts = pages.TextsFor(language);
        var (error, claims) = await ReadTokenAsync(language, token);
        if (error is not null) return error;
        var stage = await stages.GetAsync(claims!.RequestId, claims.StageKey, cancellationToken);
        var request = (await requests.GetAsync(claims.RequestId, cancellationToken))?.Request;
        if (stage is null || request is null || !stage.Allows(claims.Person)) return await StaleAsync(language);
        // A follow-up that is answered or over shows its notice only, not the request.
        if (stage.Decision is not null) return await pages.MessageAsync(409, language, texts["followup.answered.heading"], Answered(texts, stage.Decision));
        if (stage.ClosedReason is not null) return await pages.MessageAsync(410, language, texts["followup.over.heading"], Closed(texts, stage));
        var model = RequestView.Labels(request, texts);
        model["request"] = request;
        model["open"] = stage.IsOpen;
        model["action"] = $"/api/{LinkKinds.FollowUp}/{token}";
        model["choices"] = FollowUpForm.Progress.Select(p => new { value = p.Key, label = texts[p.Value] }).ToArray();
        model["maxComment"] = FollowUpForm.MaxCommentLength;
        return await pages.PageAsync(stage.IsOpen ? 200 : 409, "followup", texts["followup.heading"], model, language);
    }

    public async Task<IResult> AnswerAsync(string token, HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var texts = pages.TextsFor(language);
        var (error, claims) = await ReadTokenAsync(language, token);
        if (error is not null) return error;
        if (!http.HasFormContentType)
        {
            return await pages.MessageAsync(415, language, texts["page.unsupportedForm.heading"], texts["page.useForm.answer"]);
        }
        var form = await FormBody.TryReadAsync(http, cancellationToken);
        if (form is null) return await pages.MessageAsync(400, language, texts["page.unreadableForm.heading"], texts["page.useForm.answer"]);
        string? Field(string name) => form[name].Count == 1 ? form[name][0]?.Trim() : null;
        var progress = Field("progress");
        var comment = Field("comment");
        if (progress is null || !FollowUpForm.Progress.ContainsKey(progress))
        {
            return await pages.MessageAsync(400, language, texts["page.checkAnswer.heading"], texts["followup.invalid.progress"]);
        }
        if (comment is { Length: > FollowUpForm.MaxCommentLength })
        {
            return await pages.MessageAsync(400, language, texts["page.checkAnswer.heading"],
                texts.Format("page.comment.tooLong", ("limit", texts.Plural("form.maxCharacters", FollowUpForm.MaxCommentLength))));
        }

        if (await requests.GetAsync(claims!.RequestId, cancellationToken) is null) return await StaleAsync(language);
        var answer = new LinkDecision(claims.StageKey, claims.Person, progress, string.IsNullOrEmpty(comment) ? null : comment, clock.GetUtcNow());
        var (outcome, stage) = await stages.TryDecideAsync(claims.RequestId, answer, cancellationToken);
        switch (outcome)
        {
            case DecideOutcome.Recorded:
                await timeline.AppendAsync(new TimelineEntry(claims.RequestId, "followup|" + claims.StageKey, claims.Person,
                    $"follow-up answer: {progress}", answer.Comment, answer.At), cancellationToken);
                try
                {
                    await durable.RaiseEventAsync(claims.RequestId, WorkflowEvents.FollowUpAnswer, answer, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not passed on: take the answer back so that sending it again works (an answered stage never raises again).
                    logger.LogWarning(e, "Could not raise the follow-up answer of stage {StageKey}; taking it back", claims.StageKey);
                    await stages.UndoDecisionAsync(claims.RequestId, answer, CancellationToken.None);
                    return await pages.MessageAsync(503, language, texts["page.tryAgain.heading"], texts["page.tryAgain.message"]);
                }
                return await pages.MessageAsync(200, language, texts["page.thankYou.heading"], texts["followup.thanks"]);
            case DecideOutcome.AlreadyDecided when string.Equals(stage!.Decision!.Person, claims.Person, StringComparison.OrdinalIgnoreCase)
                                                  && stage.Decision.Decision == progress:
                // The same answer again (a double click, a reload): recorded and passed on once; nothing is raised again.
                return await pages.MessageAsync(200, language, texts["page.alreadyRecorded.heading"], texts["followup.recorded"]);
            case DecideOutcome.AlreadyDecided:
                return await pages.MessageAsync(409, language, texts["followup.answered.heading"], Answered(texts, stage!.Decision!));
            case DecideOutcome.Closed:
                return await pages.MessageAsync(410, language, texts["followup.over.heading"], Closed(texts, stage!));
            default:
                return await StaleAsync(language);
        }
    }

    private async Task<(IResult? Error, LinkClaims? Claims)> ReadTokenAsync(PageLanguage language, string token)
    {
        var check = LinkToken.Read(token, LinkKind.FollowUp, options.Value.SigningKey, clock.GetUtcNow(), out var claims);
        if (check != LinkTokenCheck.Valid) logger.LogInformation("Refused a follow-up link: {Check}", check);
        return check == LinkTokenCheck.Valid
            ? (null, claims)
            : (await LinkRefusalPage.ForAsync(pages, language, check, pages.TextsFor(language)["followup.expiredAdvice"]), null);
    }

    private Task<IResult> StaleAsync(PageLanguage language)
    {
        var texts = pages.TextsFor(language);
        return pages.MessageAsync(410, language, texts["page.stale.heading"], texts["followup.stale"]);
    }

    private static string Answered(Texts texts, LinkDecision decision) => texts.Format("followup.answered.message",
        ("date", texts.DateTime(decision.At)),
        ("answer", FollowUpForm.Progress.TryGetValue(decision.Decision, out var key) ? texts[key] : decision.Decision));

    private static string Closed(Texts texts, LinkStage stage) =>
        texts.Format("followup.closed.message", ("date", texts.DateTime(stage.ClosedAt ?? stage.OpenedAt)), ("reason", stage.ClosedReason));
}
