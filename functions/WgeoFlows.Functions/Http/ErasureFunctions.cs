using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

/// <summary>The erasure of a person and the privacy audit (a request's erasure is one of its admin actions).</summary>
public sealed class ErasureFunctions
{
    [Function(nameof(ApiRoutes.AdminPeopleErase))]
    public Task ErasePerson([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.AdminPeopleErase)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.AdminAudit))]
    public Task Audit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminAudit)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
