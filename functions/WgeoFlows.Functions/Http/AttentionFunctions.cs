using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class AttentionFunctions
{
    [Function(nameof(ApiRoutes.AdminAttention))]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminAttention)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.AdminRequestFlagClear))]
    public Task ClearFlag([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.AdminRequestFlagClear)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
