using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using WgeoFlows.Web;

namespace WgeoFlows.Functions.Http;

/// <summary>The Functions host's counterpart of <see cref="StorageFaultFilter"/>: an HTTP function whose handler let a
/// storage failure through answers 503 problem+json without the storage's message, instead of the host's 500.</summary>
public sealed class StorageFaultMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Unwrap(e) is RequestFailedException storage && context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            await StorageFaultFilter.Answer(http, storage).ExecuteAsync(http);
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
