using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class ReviewerFunctions
{
    [Function(nameof(ApiRoutes.AdminReviewersList))]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminReviewers)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminReviewersReplace))]
    public Task Replace([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Api + Routes.AdminReviewers)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.AdminReviewerChanges))]
    public Task Changes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminReviewerChanges)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
