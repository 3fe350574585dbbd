using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using static WgeoFlows.Functions.Http.RouteInvocation;

namespace WgeoFlows.Functions.Http;

public sealed class PartnerFunctions
{
    [Function(nameof(ApiRoutes.AdminPartners))]
    public Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPartners)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnersImport))]
    public Task Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Api + Routes.AdminPartnersImport)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnerGet))]
    public Task Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPartner)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnerPut))]
    public Task Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Api + Routes.AdminPartner)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnerDelete))]
    public Task Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Api + Routes.AdminPartner)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnersExport))]
    public Task Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPartnersExport)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnerChanges))]
    public Task Changes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPartnerChanges)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);

    [Function(nameof(ApiRoutes.AdminPartnerTerms))]
    public Task Terms([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + Routes.AdminPartnerTerms)] HttpRequest req,
        FunctionContext context) => context.RunRouteAsync(req);
}
