using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Held;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class HeldFunctions
{
    [Function(nameof(ApiRoutes.AdminHeldList))]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + HeldRoutes.List)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminHeld))]
    public Task Detail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + HeldRoutes.Item)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminHeldAction))]
    public Task Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + HeldRoutes.Action)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);
}
