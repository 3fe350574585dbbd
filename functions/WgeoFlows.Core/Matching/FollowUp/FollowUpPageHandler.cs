using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Links;
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
    private const string Heading = "How is the cooperation going?";

    public async Task<IResult> ShowAsync(string token, CancellationToken cancellationToken = default)
    {
        var (error, claims) = await ReadTokenAsync(token);
        if (error is not null) return error;
        var stage = await stages.GetAsync(claims!.RequestId, claims.StageKey, cancellationToken);
        var request = (await requests.GetAsync(claims.RequestId, cancellationToken))?.Request;
        if (stage is null || request is null || !stage.Allows(claims.Person)) return await StaleAsync();
        // A follow-up that is answered or over shows its notice only, not the request.
        if (stage.Decision is not null) return await pages.MessageAsync(409, "Already answered", Answered(stage.Decision));
        if (stage.ClosedReason is not null) return await pages.MessageAsync(410, "This follow-up is over", Closed(stage));
        var model = RequestView.Labels(request);
        model["heading"] = Heading;
        model["request"] = request;
        model["open"] = stage.IsOpen;
        model["action"] = $"/api/{LinkKinds.FollowUp}/{token}";
        model["choices"] = FollowUpForm.Progress.Select(p => new { value = p.Key, label = p.Value }).ToArray();
        model["maxComment"] = FollowUpForm.MaxCommentLength;
        model["closedMessage"] = stage.Decision is not null ? Answered(stage.Decision) : stage.ClosedReason is not null ? Closed(stage) : null;
        return await pages.PageAsync(stage.IsOpen ? 200 : 409, "followup", Heading, model);
    }

    public async Task<IResult> AnswerAsync(string token, HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var (error, claims) = await ReadTokenAsync(token);
        if (error is not null) return error;
        if (!http.HasFormContentType)
        {
            return await pages.MessageAsync(415, "Unsupported form", "Please use the form on the link's page to send your answer.");
        }
        var form = await FormBody.TryReadAsync(http, cancellationToken);
        if (form is null) return await pages.MessageAsync(400, "Unreadable form", "Please use the form on the link's page to send your answer.");
        string? Field(string name) => form[name].Count == 1 ? form[name][0]?.Trim() : null;
        var progress = Field("progress");
        var comment = Field("comment");
        if (progress is null || !FollowUpForm.Progress.ContainsKey(progress))
        {
            return await pages.MessageAsync(400, "Please check your answer", "Please choose how the cooperation is going.");
        }
        if (comment is { Length: > FollowUpForm.MaxCommentLength })
        {
            return await pages.MessageAsync(400, "Please check your answer", $"The comment is too long (at most {FollowUpForm.MaxCommentLength} characters).");
        }

        if (await requests.GetAsync(claims!.RequestId, cancellationToken) is null) return await StaleAsync();
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
                    return await pages.MessageAsync(503, "Please try again",
                        "Your answer could not be passed on just now and was not recorded. Please send it again in a minute.");
                }
                return await pages.MessageAsync(200, "Thank you", "Your answer is recorded. Thank you for telling us how the cooperation is going.");
            case DecideOutcome.AlreadyDecided when string.Equals(stage!.Decision!.Person, claims.Person, StringComparison.OrdinalIgnoreCase)
                                                  && stage.Decision.Decision == progress:
                // The same answer again (a double click, a reload): recorded and passed on once; nothing is raised again.
                return await pages.MessageAsync(200, "Already recorded", "Your answer is recorded. Thank you.");
            case DecideOutcome.AlreadyDecided:
                return await pages.MessageAsync(409, "Already answered", Answered(stage!.Decision!));
            case DecideOutcome.Closed:
                return await pages.MessageAsync(410, "This follow-up is over", Closed(stage!));
            default:
                return await StaleAsync();
        }
    }

    private async Task<(IResult? Error, LinkClaims? Claims)> ReadTokenAsync(string token)
    {
        var check = LinkToken.Read(token, LinkKind.FollowUp, options.Value.SigningKey, clock.GetUtcNow(), out var claims);
        if (check != LinkTokenCheck.Valid) logger.LogInformation("Refused a follow-up link: {Check}", check);
        return check == LinkTokenCheck.Valid
            ? (null, claims)
            : (await LinkRefusalPage.ForAsync(pages, check,
                "If you would still like to tell us how the cooperation goes, please write to the WGEO secretariat."), null);
    }

    private Task<IResult> StaleAsync() => pages.MessageAsync(410, "This link is no longer active",
        "This follow-up is not open any more.");

    private static string Answered(LinkDecision decision) =>
        $"This follow-up was already answered on {RequestView.When(decision.At)} ({FollowUpForm.Progress.GetValueOrDefault(decision.Decision, decision.Decision)}).";

    private static string Closed(LinkStage stage) =>
        $"This follow-up was closed on {RequestView.When(stage.ClosedAt ?? stage.OpenedAt)}: {stage.ClosedReason}.";
}
