using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using WgeoFlows.Hosting;
using WgeoFlows.Web.RateLimiting;

namespace WgeoFlows.Functions.Http;

/// <summary>The public routes' rate limits (<see cref="PublicDoorGate"/>, the same gate as the local host's) before an HTTP
/// function runs, each with its door from the route table; over a limit the 429 is written and the function is not
/// invoked, so nothing is stored.</summary>
public sealed class PublicDoorMiddleware(PublicDoorGate gate) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && ApiRoutes.Named(context.FunctionDefinition.Name) is { } route
            && await gate.CheckAsync(http, route.Door) is { } refused)
        {
            await refused.ExecuteAsync(http);
            return;
        }
        await next(context);
    }
}
