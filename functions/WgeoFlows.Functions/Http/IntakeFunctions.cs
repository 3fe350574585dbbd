using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

// Each function names its entry in ApiRoutes, which holds its handler, auth and rate limit; the attributes repeat in
// constants only what the Functions SDK reads at build time.
public sealed class IntakeFunctions
{
    [Function(nameof(ApiRoutes.Intake))]
    public Task Intake([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.Requests)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.IntakeTypeform))]
    public Task Typeform([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + IntakeRoutes.Typeform)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.IntakeFormShow))]
    public Task FormShow([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + IntakeRoutes.Form)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.IntakeFormSubmit))]
    public Task FormSubmit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + IntakeRoutes.Form)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.Status))]
    public Task Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Api + Routes.Status)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
