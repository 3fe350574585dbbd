using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WgeoFlows.Telemetry;

namespace WgeoFlows.Tests.Telemetry;

public sealed class RequestOperationTests : IDisposable
{
    private readonly TelemetryCapture _capture = new();

    [Fact]
    public void The_span_and_the_span_it_runs_in_are_tagged_with_the_request_id()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");

        using (TelemetryCapture.Outer.StartActivity("POST /api/requests"))
        using (RequestOperation.Start(_capture.Logger, "intake", requestId))
        {
        }

        var spans = _capture.SpansOf(requestId);
        spans.Select(s => s.DisplayName).ShouldBe(["intake", "POST /api/requests"], ignoreOrder: true);
        spans.Single(s => s.DisplayName == "intake").Source.Name.ShouldBe(WgeoTelemetry.Name);
    }

    [Fact]
    public void Every_log_written_inside_the_operation_carries_the_request_id_and_none_after_it()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");
        var marker = Guid.NewGuid().ToString("N");

        using (RequestOperation.Start(_capture.Logger, "link decision", requestId))
        {
            _capture.Logger.LogInformation("inside {Marker}", marker);
        }
        _capture.Logger.LogInformation("after {Marker}", marker);

        _capture.RequestIdsOfLogs("inside " + marker).ShouldBe([requestId]);
        _capture.RequestIdsOfLogs("after " + marker).ShouldBe([null]);
    }

    [Fact]
    public void A_failed_operation_marks_its_span_as_an_error_with_the_exception_type()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");

        using (var operation = RequestOperation.Start(_capture.Logger, "intake", requestId))
        {
            operation.Fail(new TimeoutException("storage did not answer"));
        }

        var span = _capture.SpansOf(requestId).ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.StatusDescription.ShouldBe(nameof(TimeoutException));
    }

    public void Dispose() => _capture.Dispose();
}
