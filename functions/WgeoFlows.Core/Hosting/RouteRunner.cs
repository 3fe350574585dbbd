using Microsoft.AspNetCore.Http;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Hosting;

/// <summary>How both hosts run an entry of <see cref="ApiRoutes"/> once its rate limit has let the call through.</summary>
public static class RouteRunner
{
    /// <summary>
    /// A state-changing admin route refuses a cross-site request (403) before its handler runs: a browser carries App
    /// Service's session cookie to a form on any site, so the route's kind, not each handler's memory, decides. Handlers
    /// that also call <see cref="AdminAuthenticator.RefuseChange"/> answer the same for such a request.
    /// </summary>
    public static Task<IResult> RunAsync(this ApiRoute route, RouteCall call) =>
        route.Auth == RouteAuth.AdminChange && call.Handler<AdminAuthenticator>().RefuseCrossSite(call.Request) is { } refused
            ? Task.FromResult(refused)
            : route.Handle(call);
}
