using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Web;

namespace WgeoFlows.Links;

/// <summary>
/// <c>GET /api/{review|update}/{token}/attachments/{fileName}</c>: the request's attachments for the people its link
/// names, while the link is valid (after a decision too: a reviewer may want to look again). Offers carry no attachments:
/// partners see the request's documents once introduced. Always served as a download, never rendered by the browser.
/// </summary>
public sealed class LinkAttachmentHandler(
    IOptions<LinkOptions> options,
    LinkStageStore stages,
    RequestStore requests,
    AttachmentStore attachments,
    PageRenderer pages,
    TimeProvider clock)
{
    public async Task<IResult> DownloadAsync(string kind, string token, string fileName, CancellationToken cancellationToken = default)
    {
        if (kind is not (LinkKind.Review or LinkKind.Update)) return await NotFoundAsync();
        if (LinkToken.Read(token, kind, options.Value.SigningKey, clock.GetUtcNow(), out var claims) != LinkTokenCheck.Valid)
        {
            return await pages.MessageAsync(400, "This link is not valid", "Please open the attachment from the page of a valid emailed link.");
        }
        var stage = await stages.GetAsync(claims!.RequestId, claims.StageKey, cancellationToken);
        var request = (await requests.GetAsync(claims.RequestId, cancellationToken))?.Request;
        if (stage is null || request is null || !stage.Allows(claims.Person)) return await NotFoundAsync();
        var attachment = request.Attachments.FirstOrDefault(a => a.FileName == fileName);
        var opened = attachment is null ? null : await attachments.OpenAsync(attachment, cancellationToken);
        if (opened is not { } file) return await NotFoundAsync();
        return new NoSniff(Results.File(file.Content, file.ContentType, attachment!.FileName));
    }

    private Task<IResult> NotFoundAsync() =>
        pages.MessageAsync(404, "No such attachment", "This request has no attachment of that name.");

    /// <summary>The browser must not guess another type than the one the intake policy checked.</summary>
    private sealed class NoSniff(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
