using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WgeoFlows.Hosting;

namespace WgeoFlows.Matching.Partners;

public static class PartnerEndpoints
{
    /// <summary>The partner registry's admin routes for an ASP.NET Core host (the Functions host declares the same routes).</summary>
    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder api)
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
        return api;
    }
}
