using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Intake.Attachments;

/// <summary>
/// Downloads of a request's attachments, for the people allowed to see the request and no one else:
/// <list type="bullet">
/// <item>a reviewer (or the requester answering a question) through the emailed link that shows the request:
/// GET /api/review|update/{token}/attachments/{fileName}. The token must be valid, of that kind, unexpired, and name a
/// person of its stage. The files stay available after that person decided (they may need them to follow up) until the
/// link expires; a stage closed without their decision (reassigned, expired, cancelled) no longer opens them. Partners'
/// offer links never list attachments and cannot open them.</item>
/// <item>an admin: GET /api/admin/requests/{id}/attachments/{fileName} with the admin key or role.</item>
/// </list>
/// </summary>
public sealed class AttachmentDownloadHandler(
    IOptions<LinkOptions> linkOptions,
    LinkStageStore stages,
    RequestStore requests,
    SubmissionInbox inbox,
    AttachmentStore attachments,
    AdminAuthenticator admins,
    PageRenderer pages,
    TimeProvider clock,
    ILogger<AttachmentDownloadHandler> logger)
{
    public async Task<IResult> ForLinkAsync(HttpRequest http, LinkKind kind, string token, string fileName, CancellationToken cancellationToken = default)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var texts = pages.TextsFor(language);
        if (kind is not (LinkKind.Review or LinkKind.Update))
            return await pages.MessageAsync(404, language, texts["page.file.heading"], texts["page.file.noAccess"]);
        var check = LinkToken.Read(token, kind, linkOptions.Value.SigningKey, clock.GetUtcNow(), out var claims);
        if (check != LinkTokenCheck.Valid)
        {
            logger.LogInformation("Refused an attachment download through a {Kind} link: {Check}", kind.ToWord(), check);
            return check == LinkTokenCheck.Expired
                ? await pages.MessageAsync(410, language, texts["page.expired.heading"], texts["page.file.expired"])
                : await pages.MessageAsync(400, language, texts["page.invalid.heading"], texts["page.openExactly"]);
        }
        var stage = await stages.GetAsync(claims!.RequestId, claims.StageKey, cancellationToken);
        if (stage is null || !stage.Allows(claims.Person) || (!stage.IsOpen && stage.Decision is null))
        {
            return await pages.MessageAsync(410, language, texts["page.stale.heading"], texts["page.file.stale"]);
        }
        return await OpenAsync(claims.RequestId, fileName, cancellationToken)
            ?? await pages.MessageAsync(404, language, texts["page.file.heading"], texts["page.file.missing"]);
    }

    public async Task<IResult> ForAdminAsync(HttpRequest http, string requestId, string fileName, CancellationToken cancellationToken = default)
    {
        if (admins.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        if (!RequestIds.IsWellFormed(requestId)) return Problems.NotFound("No request has this reference number.");
        return await OpenAsync(requestId, fileName, cancellationToken)
            ?? Problems.NotFound("This request has no attachment with that name.");
    }

    /// <summary>The attachment named <paramref name="fileName"/> of the request, looked up in the stored record (never
    /// by building a blob path from the URL), or null.</summary>
    private async Task<IResult?> OpenAsync(string requestId, string fileName, CancellationToken cancellationToken)
    {
        var pending = default(PendingSubmission);
        var request = (await requests.GetAsync(requestId, cancellationToken))?.Request;
        if (request is null)
        {
            // Not dispatched yet: the record and small files are still in the intake inbox.
            pending = await inbox.GetPendingAsync(requestId, cancellationToken);
            request = pending?.Request;
        }
        var attachment = request?.Attachments.FirstOrDefault(a => string.Equals(a.FileName, fileName, StringComparison.OrdinalIgnoreCase));
        if (attachment is null) return null;
        if (pending?.Inline.FirstOrDefault(i => i.BlobName == attachment.BlobName) is { } inline)
        {
            return new AttachmentFileResult(new MemoryStream(inline.Content, writable: false), inline.ContentType, attachment.FileName, attachment.Size);
        }
        var opened = await attachments.OpenAsync(attachment, cancellationToken);
        return opened is { } file ? new AttachmentFileResult(file.Content, file.ContentType, attachment.FileName, attachment.Size) : null;
    }
}
