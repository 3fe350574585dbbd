using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;

namespace WgeoFlows.Admin.Actions;

public static class AdminActionEndpoints
{
    public static RouteGroupBuilder MapAdminActionEndpoints(this RouteGroupBuilder api)
    {
        // No antiforgery: admin calls carry the admin key (or App Service's principal), which a cross-site form cannot send.
        api.MapPost(Routes.AdminRequestAction, (string id, string action, HttpRequest http, AdminActionsHandler h, DurableTaskClient d,
            CancellationToken ct) => h.ActAsync(http, id, action, d, ct)).DisableAntiforgery();
        return api;
    }
}
