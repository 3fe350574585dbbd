using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Admin.MailEvents;
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
        api.MapGet(Routes.AdminDashboard, (AdminDashboardHandler h) => h.Page());
        api.MapGet(Routes.AdminDashboardScript, (AdminDashboardHandler h) => h.Script());
        api.MapGet(Routes.AdminSummary, (HttpRequest http, AdminDashboardHandler h, CancellationToken ct) => h.SummaryAsync(http, ct));
        api.MapPost(Routes.SendGridEvents, (HttpRequest http, SendGridEventHandler h, CancellationToken ct) => h.HandleAsync(http, ct));
        return api;
    }
}
