using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Hosting;

namespace WgeoFlows.Admin;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Routes.AdminRequests, (HttpRequest http, AdminRequestsHandler h, CancellationToken ct) => h.ListAsync(http, ct));
        api.MapGet(Routes.AdminRequest, (string id, HttpRequest http, AdminRequestsHandler h, DurableTaskClient d, CancellationToken ct) =>
            h.DetailAsync(http, id, d, ct));
        return api;
    }
}
