using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using WgeoFlows.Impact;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class ImpactFunctions
{
    [Function(nameof(ApiRoutes.ImpactPage))]
    public Task Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + ImpactRoutes.Page)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.ImpactDataJson))]
    public Task Json([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + ImpactRoutes.DataJson)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.ImpactDataCsv))]
    public Task Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + ImpactRoutes.DataCsv)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
