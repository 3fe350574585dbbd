using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class HealthFunctions
{
    [Function(nameof(ApiRoutes.Health))]
    public Task Check([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);
}
