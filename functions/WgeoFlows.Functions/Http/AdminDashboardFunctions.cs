using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Hosting;

namespace WgeoFlows.Functions.Http;

// Page and script carry no data (the page asks for a key or relies on App Service sign-in); the summary checks the admin.
public sealed class AdminDashboardFunctions(AdminDashboardHandler dashboard)
{
    [Function("AdminDashboard")]
    public async Task Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.AdminDashboard)] HttpRequest req) =>
        await dashboard.Page().ExecuteAsync(req.HttpContext);

    [Function("AdminDashboardScript")]
    public async Task Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.AdminDashboardScript)] HttpRequest req) =>
        await dashboard.Script().ExecuteAsync(req.HttpContext);

    [Function("AdminSummary")]
    public async Task Summary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.AdminSummary)] HttpRequest req,
        CancellationToken ct) =>
        await (await dashboard.SummaryAsync(req, ct)).ExecuteAsync(req.HttpContext);
}
