using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class SendGridEventFunctions
{
    [Function(nameof(ApiRoutes.SendGridEvents))]
    public Task Receive([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.SendGridEvents)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
