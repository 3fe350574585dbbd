using Microsoft.AspNetCore.Http;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Hosting;

/// <summary>How both hosts run an entry of <see cref="ApiRoutes"/> once its rate limit has let the call through.</summary>
public static class RouteRunner
{
    /// <summary>
    /// An admin route lets no one but an admin reach its handler: a state-changing one refuses a cross-site request (403)
    /// first — a browser carries App Service's session cookie to a form on any site, so the route's kind, not each handler's
    /// memory, decides — then, like a reading one, refuses anyone who is not an admin (401; 403 for an account signed in
    /// without the admin role). So a session that expired while the dashboard was open changes nothing, whatever the
    /// handler. Handlers that also check (<see cref="AdminAuthenticator.RefuseChange"/>) answer the same.
    /// </summary>
    public static Task<IResult> RunAsync(this ApiRoute route, RouteCall call)
    {
        if (route.Auth is RouteAuth.Admin or RouteAuth.AdminChange)
        {
            var auth = call.Handler<AdminAuthenticator>();
            var refused = (route.Auth == RouteAuth.AdminChange ? auth.RefuseCrossSite(call.Request) : null) ?? auth.RefuseNonAdmin(call.Request, out _);
            if (refused is not null) return Task.FromResult(refused);
        }
        return route.Handle(call);
    }
}
