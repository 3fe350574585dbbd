using Azure;

namespace WgeoFlows.Shared;

/// <summary>Which exceptions mean "storage or the orchestration backend is not answering right now" — answered with 503
/// and Retry-After, never 500, so that senders retry instead of giving up.</summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => true,
        AggregateException a => a.InnerExceptions.All(IsTransient),
        _ when e.GetType().FullName == "Grpc.Core.RpcException" => true,
        _ => e.InnerException is not null && IsTransient(e.InnerException),
    };
}
