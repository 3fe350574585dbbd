using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WgeoFlows.Admin;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Admin.Held;
using WgeoFlows.Health;
using WgeoFlows.Impact;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Review;
using WgeoFlows.Matching;
using WgeoFlows.Web.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace WgeoFlows.Hosting;

/// <summary>
/// The public routes of CONTRACT.md for an ASP.NET Core host (the local host). The Functions host declares the same
/// routes with [HttpTrigger] attributes and calls the same handlers; <see cref="Routes"/> keeps the two in step.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapWgeoFlowsApi(this IEndpointRouteBuilder endpoints)
    {
        // One line per feature: each feature maps its own routes in its own folder.
        endpoints.MapGroup("/api")
            .AddEndpointFilter<Web.StorageFaultFilter>()
            // Every public route's rate limit, before its handler runs (the Functions worker asks the same gate in a middleware).
            .AddEndpointFilter(async (context, next) =>
                await context.HttpContext.RequestServices.GetRequiredService<PublicDoorGate>().CheckAsync(context.HttpContext) is { } refused
                    ? refused
                    : await next(context))
            .MapIntakeEndpoints()
            .MapLinkEndpoints()
            .MapAdminEndpoints()
            .MapAdminActionEndpoints()
            .MapHeldEndpoints()
            .MapReviewEndpoints()
            .MapMatchingEndpoints()
            .MapImpactEndpoints()
            .MapHealthEndpoints();
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
    public const string AdminDashboard = "admin";
    public const string AdminDashboardScript = "admin/dashboard.js";
    public const string AdminSummary = "admin/summary";
    public const string SendGridEvents = "sendgrid/events";
    public const string AdminRequestAction = "admin/requests/{id}/{action}";
    public const string AdminReviewers = "admin/reviewers";
    public const string AdminPartners = "admin/partners";
    public const string AdminPartner = "admin/partners/{id}";
    public const string AdminPartnersImport = "admin/partners/import";
    public const string FollowUp = "followup/{token}";
    public const string Confirm = "confirm/{token}";
    public const string Health = "health";
}
