using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;
using WgeoFlows.Tests.Notifications;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Telemetry;

/// <summary>The activities that count (status changes, email failures) emit their metrics when they run for real.</summary>
public sealed class ActivityMetricsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly SendGridSink _sink = new();
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= new ServiceCollection()
        .AddWgeoFlowsCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = _sink.Url,
            ["PublicBaseUrl"] = "https://wgeo.example",
        }).Build())
        .BuildServiceProvider();

    [Fact]
    public async Task Recording_a_status_change_counts_the_request_entering_that_stage()
    {
        var requestId = await NewRequestAsync();
        using var recorder = new Recorder(WgeoMetrics.StatusChangesName);

        await Services.GetRequiredService<RecordStatusActivity>().RunAsync(new RecordStatusCommand(requestId, RequestStatus.InReview,
            RequestStatus.Screening, "status|InReview", "system", "review opened", null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        recorder.Tags.ShouldContain(t => t[WgeoMetrics.StatusTag] == "InReview" && t[WgeoMetrics.PreviousStatusTag] == "Screening");
    }

    [Fact]
    public async Task A_mail_that_sendgrid_refuses_counts_one_email_failure_for_its_template()
    {
        var requestId = await NewRequestAsync();
        _sink.AnswerNext(HttpStatusCode.ServiceUnavailable);
        using var recorder = new Recorder(WgeoMetrics.EmailFailuresName);

        await Should.ThrowAsync<EmailDeliveryException>(() => Services.GetRequiredService<SendEmailActivity>().RunAsync(
            new EmailCommand(requestId, "ack", EmailTemplates.Acknowledgement, "en", [new EmailRecipient("amina@example.org", "Amina Otieno")],
                new Dictionary<string, string> { ["statusUrl"] = $"https://wgeo.example/api/status/{requestId}" }),
            TestContext.Current.CancellationToken));

        recorder.Tags.ShouldContain(t => t[WgeoMetrics.TemplateTag] == EmailTemplates.Acknowledgement);
    }

    private async Task<string> NewRequestAsync()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");
        var at = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
        (await Services.GetRequiredService<RequestStore>().TryAddAsync(new SupportRequest
        {
            RequestId = requestId,
            SubmissionId = "form-" + requestId,
            SubmittedAt = at,
            Organization = new Organization("Nairobi County Energy Office", "cities", "KE", null),
            Contact = new Contact("Amina Otieno", "amina@example.org", "en"),
            Title = "Solar mini-grids for informal settlements",
            Description = "Pilot mini-grids in two settlements.",
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Status = RequestStatus.Screening,
            UpdatedAt = at,
        }, TestContext.Current.CancellationToken)).ShouldBeTrue();
        return requestId;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _sink.DisposeAsync();
    }

    /// <summary>The tags of every measurement of one WgeoFlows instrument while it listens.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<Dictionary<string, string?>> _tags = [];

        public Recorder(string instrument)
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == WgeoTelemetry.Name && i.Name == instrument) l.EnableMeasurementEvents(i);
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                lock (_tags) _tags.Add(tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()));
            });
            _listener.Start();
        }

        public IReadOnlyList<Dictionary<string, string?>> Tags
        {
            get { lock (_tags) return _tags.ToList(); }
        }

        public void Dispose() => _listener.Dispose();
    }
}
