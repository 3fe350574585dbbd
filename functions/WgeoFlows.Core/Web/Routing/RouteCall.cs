using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace WgeoFlows.Web.Routing;

/// <summary>
/// One call of an <see cref="ApiRoute"/>, as a host hands it over: the request, the host's services, the route's values,
/// the Durable Task client when the route uses one, and the cancellation of the call. Each host fills it from its own
/// plumbing (endpoint routing locally, the function's binding data in Azure), so a handler reads the same values in both.
/// </summary>
public sealed class RouteCall(HttpContext http, IServiceProvider services, Func<string, string?> routeValues, DurableTaskClient? durable,
    CancellationToken cancellation)
{
    public HttpContext Http => http;
    public HttpRequest Request => http.Request;
    public CancellationToken Cancellation => cancellation;

    /// <summary>The route's handler class, from the host's services.</summary>
    public T Handler<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A value of the route's template, e.g. <c>token</c> of <c>review/{token}</c>.</summary>
    public string Value(string name) =>
        routeValues(name) ?? throw new InvalidOperationException($"The route has no value named '{name}'.");

    /// <summary>A query parameter as minimal APIs bind a string: null when absent, several values joined with commas.</summary>
    public string? Query(string name) => Request.Query[name];

    public DurableTaskClient Durable =>
        durable ?? throw new InvalidOperationException("This route does not declare that it uses the Durable Task client.");
}
