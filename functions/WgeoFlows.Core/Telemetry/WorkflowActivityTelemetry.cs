using Microsoft.Extensions.Logging;
using WgeoFlows.Shared;

namespace WgeoFlows.Telemetry;

/// <summary>
/// Runs a workflow activity inside a <see cref="RequestOperation"/> named "activity {name}". Both hosts call their
/// activities through this (the activity map's bindings), so no activity class has to know about telemetry.
/// </summary>
public static class WorkflowActivityTelemetry
{
    public static async Task<TOutput> RunAsync<TInput, TOutput>(string activityName, TInput input, ILogger logger,
        Func<TInput, Task<TOutput>> run)
    {
        using var operation = RequestOperation.Start(logger, "activity " + activityName, RequestIdOf(input));
        try
        {
            return await run(input);
        }
        catch (Exception e)
        {
            operation.Fail(e);
            throw;
        }
    }

    /// <summary>The request an activity input is about: activities take either the request id itself or a command that
    /// is <see cref="IHasRequestId"/> (a test checks that every registered activity does).</summary>
    public static string? RequestIdOf(object? input) => input switch
    {
        string requestId => requestId,
        IHasRequestId command => command.RequestId,
        _ => null,
    };
}
