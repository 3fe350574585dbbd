using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Hosting;

namespace WgeoFlows.Functions.Http;

// Anonymous at the Functions level: admin identity (key or Entra ID role) is checked by the handlers, identically in both hosts.
public sealed class AdminFunctions(AdminRequestsHandler requests)
{
    [Function("AdminRequests")]
    public async Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.AdminRequests)] HttpRequest req,
        CancellationToken ct) =>
        await (await requests.ListAsync(req, ct)).ExecuteAsync(req.HttpContext);

    [Function("AdminRequest")]
    public async Task Detail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.AdminRequest)] HttpRequest req, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        await (await requests.DetailAsync(req, id, durable, ct)).ExecuteAsync(req.HttpContext);
}
