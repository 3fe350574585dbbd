using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Held;

namespace WgeoFlows.Functions.Http;

// Anonymous at the Functions level: admin identity (key or Entra ID role) is checked by the handler, identically in both hosts.
public sealed class HeldFunctions(HeldAdminHandler held)
{
    [Function("AdminHeldList")]
    public async Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + HeldRoutes.List)] HttpRequest req,
        CancellationToken ct) =>
        await (await held.ListAsync(req, ct)).ExecuteAsync(req.HttpContext);

    [Function("AdminHeld")]
    public async Task Detail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + HeldRoutes.Item)] HttpRequest req, string id,
        CancellationToken ct) =>
        await (await held.DetailAsync(req, id, ct)).ExecuteAsync(req.HttpContext);

    [Function("AdminHeldAction")]
    public async Task Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoute.Prefix + HeldRoutes.Action)] HttpRequest req, string id,
        string action, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        await (await held.ActAsync(req, id, action, durable, ct)).ExecuteAsync(req.HttpContext);
}
