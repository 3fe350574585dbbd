using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Health;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Status;
using WgeoFlows.Links;

namespace WgeoFlows.Hosting;

/// <summary>
/// The public routes of CONTRACT.md for an ASP.NET Core host (the local host). The Functions host declares the same
/// routes with [HttpTrigger] attributes and calls the same handlers; <see cref="Routes"/> keeps the two in step.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapWgeoFlowsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");

        api.MapPost(Routes.Requests, (HttpRequest http, IntakeHandler h, DurableTaskClient d, CancellationToken ct) => h.SubmitAsync(http, d, ct));
        api.MapMethods(Routes.Status, ["GET", "HEAD"], (string id, string? sig, string? lang, StatusPageHandler h, CancellationToken ct) =>
            h.ShowAsync(id, sig, lang, ct));

        foreach (var kind in new[] { LinkKind.Review, LinkKind.Update, LinkKind.Offer })
        {
            api.MapMethods($"{kind}/{{token}}", ["GET", "HEAD"], (string token, LinkPageHandler h, CancellationToken ct) =>
                h.ShowAsync(kind, token, ct));
            api.MapPost($"{kind}/{{token}}", (string token, HttpRequest http, LinkPageHandler h, DurableTaskClient d, CancellationToken ct) =>
                h.DecideAsync(kind, token, http, d, ct)).DisableAntiforgery();
        }

        api.MapGet(Routes.AdminRequests, (HttpRequest http, AdminRequestsHandler h, CancellationToken ct) => h.ListAsync(http, ct));
        api.MapGet(Routes.AdminRequest, (string id, HttpRequest http, AdminRequestsHandler h, DurableTaskClient d, CancellationToken ct) =>
            h.DetailAsync(http, id, d, ct));

        api.MapGet(Routes.Health, (HealthHandler h, DurableTaskClient d, CancellationToken ct) => h.CheckAsync(d, ct));
        return endpoints;
    }
}

/// <summary>Routes under /api, shared by both hosts.</summary>
public static class Routes
{
    public const string Requests = "requests";
    public const string Status = "status/{id}";
    public const string Review = "review/{token}";
    public const string Update = "update/{token}";
    public const string Offer = "offer/{token}";
    public const string AdminRequests = "admin/requests";
    public const string AdminRequest = "admin/requests/{id}";
    public const string Health = "health";
}
