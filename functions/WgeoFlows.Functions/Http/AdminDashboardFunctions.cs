using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class AdminDashboardFunctions
{
    [Function(nameof(ApiRoutes.AdminDashboard))]
    public Task Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminDashboard)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminDashboardScript))]
    public Task Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminDashboardScript)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminSummary))]
    public Task Summary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminSummary)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminSession))]
    public Task Session([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminSession)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
