using System.Net;
using WgeoFlows.Intake;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.StorageFaults;

/// <summary>Azurite stopped for about ten seconds while requests are under way: the webhook answers 503 with Retry-After
/// meanwhile (never 500), and once storage is back every workflow started before reaches review with its review mail,
/// and every delivery refused during the outage goes through when delivered again, once. Own Azurite and host, since it
/// stops storage.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    private AzuriteInstance _storage = null!;
    private LocalHostProcess _host = null!;
    private WgeoClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _storage = await AzuriteInstance.StartAsync();
        _host = await LocalHostProcess.StartAsync(_storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = HostileStack.WebhookSecret,
            ["Admin:ApiKey"] = HostileStack.AdminKey,
        });
        _client = new WgeoClient(_host.Http, HostileStack.WebhookSecret, HostileStack.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _storage.DisposeAsync();
    }

    // What holds today: 503 + Retry-After during the outage, never 500, and every refused delivery makes exactly one request
    // and one orchestration when delivered again. Not yet true, so not asserted here: workflows in flight when Azurite
    // stopped did not reach InReview within 120 s after it returned (measured 2026-11-27; issue 8, point 4 stays open).
    [Fact]
    public async Task While_storage_is_down_the_webhook_answers_503_with_retry_after_and_no_submission_is_lost_or_doubled()
    {
        // Workflows in flight when storage goes: submitted just before, their first steps run into the outage.
        var before = Enumerable.Range(0, 3).Select(i => $"outage-before-{i}").ToList();
        foreach (var id in before) await _client.SubmitNewAsync(SamplePayloads.Valid(id));

        await _storage.StopAsync();
        var during = new List<(string SubmissionId, HttpStatusCode Status, bool HasRetryAfter)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < Outage; i++)
        {
            var submissionId = $"outage-during-{i}";
            using var response = await _client.SubmitAsync(SamplePayloads.Valid(submissionId));
            during.Add((submissionId, response.StatusCode, response.Headers.RetryAfter is not null));
            await Task.Delay(500, Ct);
        }
        await _storage.StartAgainAsync(Ct);
        _host.IsRunning.ShouldBeTrue($"the host survived the outage. Output:\n{Tail(_host.Output)}");

        Figures.Record($"Storage outage of {Outage.TotalSeconds:0} s: {during.Count} deliveries answered "
            + string.Join(", ", during.GroupBy(d => (int)d.Status).Select(g => $"{g.Key}×{g.Count()}")));
        during.ShouldNotBeEmpty();
        during.Where(d => d.Status != HttpStatusCode.ServiceUnavailable || !d.HasRetryAfter)
            .ShouldBeEmpty("every delivery during the outage is answered 503 with Retry-After");

        // Delivered again, as Retry-After asks, each refused delivery makes one request; none was left half-written.
        var census = new StorageCensus(_storage.ConnectionString);
        foreach (var (submissionId, _, _) in during)
        {
            using var again = await DeliverUntilAnsweredAsync(submissionId);
            again.StatusCode.ShouldBe(HttpStatusCode.Accepted, $"{submissionId} delivered again after the outage");
        }

        foreach (var submissionId in before.Concat(during.Select(d => d.SubmissionId)))
        {
            var requestId = RequestIds.For(submissionId);
            (await census.RequestRecordsAsync(requestId, Ct)).ShouldBe(1, $"request records of {requestId}");
            // Its orchestration instance exists (it was scheduled once); that it then runs on is issue 8's open point 4.
            var detail = await _client.AdminGetAsync($"/api/admin/requests/{requestId}");
            detail.GetProperty("orchestration").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object, $"orchestration of {requestId}");
        }
    }

    /// <summary>Right after Azurite returns the host may still need a moment; a form service keeps redelivering on 503.</summary>
    private async Task<HttpResponseMessage> DeliverUntilAnsweredAsync(string submissionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var response = await _client.SubmitAsync(SamplePayloads.Valid(submissionId));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline) return response;
            response.Dispose();
            await Task.Delay(1_000, Ct);
        }
    }

    private static string Tail(string text) => text.Length > 4_000 ? text[^4_000..] : text;
}
