using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

// The emailed links: GET and HEAD show a page, POST decides.
public sealed class LinkFunctions
{
    [Function(nameof(ApiRoutes.ReviewLinkShow))]
    public Task ReviewShow([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Api + Routes.Review)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.ReviewLinkDecide))]
    public Task ReviewDecide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.Review)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.UpdateLinkShow))]
    public Task UpdateShow([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Api + Routes.Update)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.UpdateLinkDecide))]
    public Task UpdateDecide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.Update)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.OfferLinkShow))]
    public Task OfferShow([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Api + Routes.Offer)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.OfferLinkDecide))]
    public Task OfferDecide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.Offer)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);

    [Function(nameof(ApiRoutes.ConfirmLinkShow))]
    public Task ConfirmShow([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Api + Routes.Confirm)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.ConfirmLinkDecide))]
    public Task ConfirmDecide([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.Confirm)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, FunctionContext context) => context.RunRouteAsync(req, durable);
}
