using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class AttachmentFunctions
{
    [Function(nameof(ApiRoutes.ReviewAttachment))]
    public Task Review([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + IntakeRoutes.ReviewAttachment)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.UpdateAttachment))]
    public Task Update([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + IntakeRoutes.UpdateAttachment)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminAttachment))]
    public Task Admin([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + IntakeRoutes.AdminAttachment)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
