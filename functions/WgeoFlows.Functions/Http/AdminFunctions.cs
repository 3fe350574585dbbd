using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class AdminFunctions
{
    [Function(nameof(ApiRoutes.AdminRequests))]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminRequests)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminRequest))]
    public Task Detail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminRequest)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.AdminRequestAction))]
    public Task Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.AdminRequestAction)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);
}
