using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Functions.Http;

/// <summary>
/// What every HTTP function does: find its entry in <see cref="ApiRoutes"/> by the function's name, hand the handler the
/// route's values, and execute the answer. The functions themselves only declare what the Functions SDK needs in
/// constants (name, verbs, route, the Durable client binding); a test checks those against the same entries.
/// </summary>
internal static class RouteInvocation
{
    /// <summary>
    /// The Functions host refuses any route template that starts with "admin", whatever the route prefix
    /// (azure-functions-host#1781), and the contract's admin routes are /api/admin/…. So host.json sets the route
    /// prefix to "" and every function names "api/" itself: the public URLs are exactly the contract's, in both hosts.
    /// </summary>
    public const string Api = "api/";

    public static async Task RunRouteAsync(this FunctionContext context, HttpRequest request, DurableTaskClient? durable = null)
    {
        var route = ApiRoutes.Named(context.FunctionDefinition.Name)
            ?? throw new InvalidOperationException($"The function {context.FunctionDefinition.Name} has no entry in the route table.");
        // The route's values reach the worker as binding data, where the SDK itself finds a parameter like "string token".
        var data = context.BindingContext.BindingData;
        var call = new RouteCall(request.HttpContext, context.InstanceServices,
            name => data.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null,
            durable, context.CancellationToken);
        await (await route.RunAsync(call)).ExecuteAsync(request.HttpContext);
    }
}
