using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Web;
using WgeoFlows.Web.RateLimiting;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Hosting;

/// <summary>
/// <see cref="ApiRoutes"/> for an ASP.NET Core host (the local host): one endpoint per entry, named after it, under /api.
/// The Functions host serves the same entries through one function each.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapWgeoFlowsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AddEndpointFilter<StorageFaultFilter>();
        foreach (var route in ApiRoutes.All) Map(api, route);
        return endpoints;
    }

    private static void Map(RouteGroupBuilder api, ApiRoute route)
    {
        // A Delegate, not a RequestDelegate: only route handlers run endpoint filters, and minimal APIs execute the IResult.
        Func<HttpContext, Task<IResult>> handle = http => route.RunAsync(new RouteCall(http, http.RequestServices,
            name => http.GetRouteValue(name)?.ToString(),
            route.UsesDurableClient ? http.RequestServices.GetRequiredService<DurableTaskClient>() : null,
            http.RequestAborted));
        api.MapMethods(route.Template, route.Verbs, (Delegate)handle)
            .WithName(route.Name)
            // The route's rate limit, before its handler runs (the Functions worker asks the same gate in a middleware).
            .AddEndpointFilter(async (context, next) =>
                await context.HttpContext.RequestServices.GetRequiredService<PublicDoorGate>().CheckAsync(context.HttpContext, route.Door) is { } refused
                    ? refused
                    : await next(context))
            // No route binds form fields through the framework, and the Functions host has no antiforgery: each route's own
            // check (signed link, the form's cookie-bound token, the admin gate, a body signature) protects it in both hosts.
            .DisableAntiforgery();
    }
}
