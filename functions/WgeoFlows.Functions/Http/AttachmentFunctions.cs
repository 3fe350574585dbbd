using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Attachments;
using WgeoFlows.Links;

namespace WgeoFlows.Functions.Http;

// Attachment downloads. Anonymous at the Functions level: the signed link token or the admin identity is checked by the handler.
public sealed class AttachmentFunctions(AttachmentDownloadHandler attachments)
{
    [Function("ReviewAttachment")]
    public async Task Review([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + IntakeRoutes.ReviewAttachment)] HttpRequest req,
        string token, string fileName, CancellationToken ct) =>
        await (await attachments.ForLinkAsync(LinkKind.Review, token, fileName, ct)).ExecuteAsync(req.HttpContext);

    [Function("UpdateAttachment")]
    public async Task Update([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + IntakeRoutes.UpdateAttachment)] HttpRequest req,
        string token, string fileName, CancellationToken ct) =>
        await (await attachments.ForLinkAsync(LinkKind.Update, token, fileName, ct)).ExecuteAsync(req.HttpContext);

    [Function("AdminAttachment")]
    public async Task Admin([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + IntakeRoutes.AdminAttachment)] HttpRequest req,
        string id, string fileName, CancellationToken ct) =>
        await (await attachments.ForAdminAsync(req, id, fileName, ct)).ExecuteAsync(req.HttpContext);
}
