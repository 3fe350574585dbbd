using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

// The emailed follow-up form: GET and HEAD show it, POST records the answer.
public sealed class FollowUpFunctions
{
    [Function(nameof(ApiRoutes.FollowUpShow))]
    public Task Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Api + Routes.FollowUp)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.FollowUpAnswer))]
    public Task Answer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.FollowUp)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);
}
