using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Partners;

namespace WgeoFlows.Matching;

public static class MatchingEndpoints
{
    /// <summary>Matching's routes for an ASP.NET Core host: the partner registry's admin API and the follow-up form.
    /// The Functions host declares the same routes with [HttpTrigger] attributes.</summary>
    public static RouteGroupBuilder MapMatchingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Routes.AdminPartners, (HttpRequest http, PartnersAdminHandler h, CancellationToken ct) => h.ListAsync(http, ct));
        // No antiforgery: admin callers authenticate with a header (or App Service's principal), never a cookie.
        api.MapPost(Routes.AdminPartnersImport, (HttpRequest http, PartnersAdminHandler h, CancellationToken ct) => h.ImportAsync(http, ct))
            .DisableAntiforgery();
        api.MapGet(Routes.AdminPartner, (string id, HttpRequest http, PartnersAdminHandler h, CancellationToken ct) => h.GetAsync(http, id, ct));
        api.MapPut(Routes.AdminPartner, (string id, HttpRequest http, PartnersAdminHandler h, CancellationToken ct) => h.PutAsync(http, id, ct))
            .DisableAntiforgery();
        api.MapDelete(Routes.AdminPartner, (string id, HttpRequest http, PartnersAdminHandler h, CancellationToken ct) =>
            h.DeleteAsync(http, id, ct));

        // GET and HEAD show the form; only POST records. No antiforgery token: the signed link in the URL is the capability.
        api.MapMethods(Routes.FollowUp, ["GET", "HEAD"], (string token, FollowUpPageHandler h, CancellationToken ct) => h.ShowAsync(token, ct));
        api.MapPost(Routes.FollowUp, (string token, HttpRequest http, FollowUpPageHandler h, DurableTaskClient d, CancellationToken ct) =>
            h.AnswerAsync(token, http, d, ct)).DisableAntiforgery();
        return api;
    }
}
