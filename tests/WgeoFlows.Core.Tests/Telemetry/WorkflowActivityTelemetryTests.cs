using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WgeoFlows.Hosting;
using WgeoFlows.Links;
using WgeoFlows.Shared;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Telemetry;

public sealed class WorkflowActivityTelemetryTests : IDisposable
{
    private readonly TelemetryCapture _capture = new();

    [Fact]
    public async Task An_activity_runs_in_a_span_named_after_it_and_its_logs_name_the_request_of_its_command()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");
        var marker = Guid.NewGuid().ToString("N");
        var command = new CloseStageCommand(requestId, "review|1|1", "over", DateTimeOffset.UnixEpoch);

        var result = await WorkflowActivityTelemetry.RunAsync(WorkflowNames.Activities.CloseStage, command, _capture.Logger, c =>
        {
            _capture.Logger.LogInformation("closing {Marker}", marker);
            return Task.FromResult(true);
        });

        result.ShouldBeTrue();
        _capture.SpansOf(requestId).ShouldHaveSingleItem().DisplayName.ShouldBe("activity " + WorkflowNames.Activities.CloseStage);
        _capture.RequestIdsOfLogs("closing " + marker).ShouldBe([requestId]);
    }

    [Fact]
    public async Task An_activity_that_takes_the_request_id_itself_is_tagged_with_it()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");

        await WorkflowActivityTelemetry.RunAsync(WorkflowNames.Activities.BeginRequest, requestId, _capture.Logger, _ => Task.FromResult(0));

        _capture.SpansOf(requestId).ShouldHaveSingleItem().DisplayName.ShouldBe("activity " + WorkflowNames.Activities.BeginRequest);
    }

    [Fact]
    public async Task A_failing_activity_marks_its_span_as_an_error_and_the_exception_still_reaches_the_retry_policy()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");

        await Should.ThrowAsync<InvalidOperationException>(() => WorkflowActivityTelemetry.RunAsync<string, int>(
            WorkflowNames.Activities.BeginRequest, requestId, _capture.Logger, _ => throw new InvalidOperationException("no record")));

        _capture.SpansOf(requestId).ShouldHaveSingleItem().Status.ShouldBe(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task An_input_is_read_through_its_interface_not_by_a_property_name()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");

        await WorkflowActivityTelemetry.RunAsync("unrelated", new NamedLikeACommand(requestId), _capture.Logger, _ => Task.FromResult(0));

        _capture.SpansOf(requestId).ShouldBeEmpty();
    }

    private sealed record NamedLikeACommand(string RequestId);

    [Fact]
    public void Every_registered_activity_takes_an_input_that_names_its_request()
    {
        var unnamed = WorkflowRegistration.Activities
            .Select(a => a.ActivityType.GetInterfaces()
                .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWorkflowActivity<,>)).GetGenericArguments()[0])
            .Where(input => input != typeof(string) && !typeof(IHasRequestId).IsAssignableFrom(input))
            .Select(input => input.Name)
            .ToList();

        unnamed.ShouldBeEmpty("activity inputs neither a request id nor IHasRequestId: their spans and logs could not name the request");
    }

    public void Dispose() => _capture.Dispose();
}
