using System.Text.RegularExpressions;
using Microsoft.DurableTask;

namespace WgeoFlows.Admin.Requests;

/// <summary>
/// Why an orchestration failed, as an admin needs it: the activity that failed (when an activity did) and that
/// activity's own error, rather than the orchestrator's wrapper exception around it.
/// </summary>
public sealed partial record OrchestrationFailure(string? Activity, string ErrorType, string Message, string? StackTrace)
{
    public static OrchestrationFailure From(TaskFailureDetails details)
    {
        // An activity's unhandled exception reaches the orchestrator as a TaskFailedException whose message names the
        // task ("Task 'BeginRequest' (#0) failed with an unhandled exception: …"); its cause is the inner failure.
        var match = FailedTask().Match(details.ErrorMessage ?? "");
        if (match.Success && details.InnerFailure is { } cause)
        {
            return new OrchestrationFailure(match.Groups["name"].Value, cause.ErrorType, cause.ErrorMessage, cause.StackTrace);
        }
        return new OrchestrationFailure(match.Success ? match.Groups["name"].Value : null, details.ErrorType, details.ErrorMessage ?? "",
            details.StackTrace);
    }

    [GeneratedRegex(@"^Task '(?<name>[^']+)' \(#\d+\) failed")]
    private static partial Regex FailedTask();
}
