using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using WgeoFlows.Privacy.People;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class PeopleFunctions
{
    [Function(nameof(ApiRoutes.AdminPeople))]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPeople)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPeopleExport))]
    public Task Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPeopleExport)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
