using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WgeoFlows.Hosting;
using WgeoFlows.Workflow;

namespace WgeoFlows.Telemetry;

/// <summary>
/// Runs a workflow activity inside a <see cref="RequestOperation"/> named "activity {name}". Both hosts call their
/// activities through this, so no activity class has to know about telemetry.
/// </summary>
public static class WorkflowActivityTelemetry
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> RequestIdProperties = new();

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

    /// <summary>The request an activity input is about: activities take either the request id itself or a command with
    /// a <c>RequestId</c> property (a test checks that every registered activity does).</summary>
    public static string? RequestIdOf(object? input) => input switch
    {
        null => null,
        string requestId => requestId,
        _ => RequestIdProperties.GetOrAdd(input.GetType(), type => type.GetProperty("RequestId") is { PropertyType: var t } p && t == typeof(string) ? p : null)
            ?.GetValue(input) as string,
    };
}

/// <summary>How both hosts run a registered activity: resolved from DI, inside its request's telemetry.</summary>
public static class WorkflowActivityRunner
{
    public static Task<TOutput> RunWorkflowActivityAsync<TActivity, TInput, TOutput>(this IServiceProvider services, TInput input,
        CancellationToken cancellationToken = default)
        where TActivity : IWorkflowActivity<TInput, TOutput>
    {
        var activity = services.GetRequiredService<TActivity>();
        var logger = services.GetRequiredService<ILogger<TActivity>>();
        return WorkflowActivityTelemetry.RunAsync(RegisteredName<TActivity>.Value, input, logger,
            i => activity.RunAsync(i, cancellationToken));
    }

    private static class RegisteredName<TActivity>
    {
        public static readonly string Value = WorkflowRegistration.Activities.FirstOrDefault(a => a.ActivityType == typeof(TActivity))?.Name
            ?? typeof(TActivity).Name;
    }
}
