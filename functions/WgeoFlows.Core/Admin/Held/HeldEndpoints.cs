using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace WgeoFlows.Admin.Held;

/// <summary>The held deliveries' admin routes under /api, shared by both hosts.</summary>
public static class HeldRoutes
{
    public const string List = "admin/held";
    public const string Item = "admin/held/{id}";
    public const string Action = "admin/held/{id}/{action}";
}

public static class HeldEndpoints
{
    public static RouteGroupBuilder MapHeldEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(HeldRoutes.List, (HttpRequest http, HeldAdminHandler h, CancellationToken ct) => h.ListAsync(http, ct));
        api.MapGet(HeldRoutes.Item, (string id, HttpRequest http, HeldAdminHandler h, CancellationToken ct) => h.DetailAsync(http, id, ct));
        // No antiforgery: admin calls carry the admin key (or App Service's principal), which a cross-site form cannot send.
        api.MapPost(HeldRoutes.Action, (string id, string action, HttpRequest http, HeldAdminHandler h, DurableTaskClient d, CancellationToken ct) =>
            h.ActAsync(http, id, action, d, ct)).DisableAntiforgery();
        return api;
    }
}
