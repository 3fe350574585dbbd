using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Intake.Attachments;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Status;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Links;

namespace WgeoFlows.Intake;

public static class IntakeEndpoints
{
    public static RouteGroupBuilder MapIntakeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost(Routes.Requests, (HttpRequest http, IntakeHandler h, DurableTaskClient d, CancellationToken ct) => h.SubmitAsync(http, d, ct));
        api.MapPost(IntakeRoutes.Typeform, (HttpRequest http, TypeformHandler h, DurableTaskClient d, CancellationToken ct) => h.SubmitAsync(http, d, ct));
        api.MapMethods(Routes.Status, ["GET", "HEAD"], (string id, string? sig, string? lang, StatusPageHandler h, CancellationToken ct) =>
            h.ShowAsync(id, sig, lang, ct));

        api.MapGet(IntakeRoutes.Form, (HttpRequest http, string? lang, FormPageHandler h) => h.ShowAsync(http, lang));
        // The form's own cookie-bound signed token is its protection against cross-site posts, in both hosts alike.
        api.MapPost(IntakeRoutes.Form, (HttpRequest http, FormPageHandler h, DurableTaskClient d, CancellationToken ct) =>
            h.SubmitAsync(http, d, ct)).DisableAntiforgery();

        api.MapGet(IntakeRoutes.ReviewAttachment, (string token, string fileName, AttachmentDownloadHandler h, CancellationToken ct) =>
            h.ForLinkAsync(LinkKind.Review, token, fileName, ct));
        api.MapGet(IntakeRoutes.UpdateAttachment, (string token, string fileName, AttachmentDownloadHandler h, CancellationToken ct) =>
            h.ForLinkAsync(LinkKind.Update, token, fileName, ct));
        api.MapGet(IntakeRoutes.AdminAttachment, (string id, string fileName, HttpRequest http, AttachmentDownloadHandler h, CancellationToken ct) =>
            h.ForAdminAsync(http, id, fileName, ct));
        return api;
    }
}
