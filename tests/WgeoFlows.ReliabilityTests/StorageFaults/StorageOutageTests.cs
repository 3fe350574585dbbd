using System.Diagnostics;
using System.Net;
using System.Text.Json;
using WgeoFlows.Intake;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.StorageFaults;

/// <summary>Azurite stopped for about ten seconds while workflows are under way: the webhook answers 503 with Retry-After
/// meanwhile (never 500); once storage is back, every workflow in flight when it stopped and every delivery refused
/// meanwhile (delivered again) reaches review with its review mail, storage holds no half-written request, and each
/// workflow, decided through its links, goes on to Matched. Own Azurite and host, since it stops storage.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private const int InFlight = 4;

    /// <summary>A workflow whose queue message storage hid in a dequeue that the outage cut off resumes when the local
    /// host's visibility timeout (Durable:ControlQueueVisibilityTimeout / WorkItemVisibilityTimeout, 30 s) has passed;
    /// the rest is room for a loaded CI machine. A failure bound, not a measurement: the figure is recorded below.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(150);

    /// <summary>How late the relay in front of the queue service passes storage's answers on (see <see cref="StorageRelay"/>).</summary>
    private static readonly TimeSpan QueueAnswerDelay = TimeSpan.FromMilliseconds(300);

    private AzuriteInstance _storage = null!;
    private StorageRelay _queues = null!;
    private LocalHostProcess _host = null!;
    private WgeoClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _storage = await AzuriteInstance.StartAsync();
        // The host reaches the queues (where the workflows' messages are) through the relay, tables and blobs directly.
        _queues = new StorageRelay(_storage.QueuePort, QueueAnswerDelay);
        _host = await LocalHostProcess.StartAsync(_storage, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _storage.ConnectionString.Replace(
                $":{_storage.QueuePort}/", $":{_queues.Port}/", StringComparison.Ordinal),
            ["Intake:WebhookSecret"] = HostileStack.WebhookSecret,
            ["Admin:ApiKey"] = HostileStack.AdminKey,
        });
        _client = new WgeoClient(_host.Http, HostileStack.WebhookSecret, HostileStack.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _queues.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task A_storage_outage_is_answered_503_with_retry_after_and_every_workflow_resumes_whole_when_storage_returns()
    {
        var census = new StorageCensus(_storage.ConnectionString);
        var knownBefore = await census.RequestIdsAsync(Ct);

        // Workflows in flight when storage goes: submitted one after the other and storage stopped as soon as the last is
        // accepted, while its start message is being dequeued and the others run their first activities. That is what
        // used to strand them: a dequeue cut off by the outage leaves its message hidden for the whole visibility timeout.
        var before = Enumerable.Range(0, InFlight).Select(i => $"outage-before-{i}").ToList();
        foreach (var id in before) await _client.SubmitNewAsync(SamplePayloads.Valid(id));

        _queues.Cut();
        await _storage.StopAsync();
        var during = new List<(string SubmissionId, HttpStatusCode Status, bool HasRetryAfter)>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < Outage; i++)
        {
            var submissionId = $"outage-during-{i}";
            using var response = await _client.SubmitAsync(SamplePayloads.Valid(submissionId));
            during.Add((submissionId, response.StatusCode, response.Headers.RetryAfter is not null));
            // The pace of deliveries while storage is down, whose length (Outage) is the scenario: not a wait for a fact.
            await Task.Delay(500, Ct);
        }
        var outage = clock.Elapsed;
        await _storage.StartAgainAsync(Ct);
        _queues.Restore();
        var sinceStorageReturned = Stopwatch.StartNew();
        _host.IsRunning.ShouldBeTrue($"the host survived the outage. Output:\n{Tail(_host.Output)}");

        during.ShouldNotBeEmpty();
        during.Where(d => d.Status != HttpStatusCode.ServiceUnavailable || !d.HasRetryAfter)
            .ShouldBeEmpty("every delivery during the outage is answered 503 with Retry-After");

        // Delivered again, as Retry-After asks, each refused delivery is accepted.
        foreach (var (submissionId, _, _) in during)
        {
            using var again = await DeliverUntilAnsweredAsync(submissionId);
            again.StatusCode.ShouldBe(HttpStatusCode.Accepted, $"{submissionId} delivered again after the outage");
        }

        var requestIds = before.Concat(during.Select(d => d.SubmissionId)).Select(RequestIds.For).ToList();
        var recovered = await WaitUntilAllInReviewAsync(requestIds);
        var recovery = sinceStorageReturned.Elapsed;

        // Nothing half-written: storage knows exactly these requests, each whole (one record, one orchestration started
        // once), and no submission claim was left short of its start.
        // (The census also reads the dashboard's counter rows, "count|week|…", whose keys end in no request id.)
        (await census.RequestIdsAsync(Ct)).Except(knownBefore).Where(RequestIds.IsWellFormed).Order()
            .ShouldBe(requestIds.Order(), "requests that storage holds any trace of (records, orchestrations, index rows, blobs)");
        foreach (var requestId in requestIds)
        {
            (await census.RequestRecordsAsync(requestId, Ct)).ShouldBe(1, $"request records of {requestId}");
            (await census.OrchestrationsAsync(requestId, Ct)).ShouldBe(1, $"orchestrations of {requestId}");
            (await census.ExecutionsStartedAsync(requestId, Ct)).ShouldBe(1, $"orchestration starts of {requestId}");
        }
        (await census.UnstartedSubmissionsAsync(Ct)).ShouldBeEmpty("submission claims left short of their start");

        // And each workflow finishes: approved through its review link, offered, accepted, introduced — Matched.
        var finishing = Stopwatch.StartNew();
        await Task.WhenAll(requestIds.Select(FinishAsync));
        var finished = finishing.Elapsed;

        Figures.Record($"Storage outage of {outage.TotalSeconds:0.0} s: {during.Count} deliveries answered "
            + string.Join(", ", during.GroupBy(d => (int)d.Status).Select(g => $"{g.Key}×{g.Count()}"))
            + $"; {before.Count} workflows in flight and {during.Count} redelivered all reached review {recovery.TotalSeconds:0.0} s after storage returned"
            + $" (one by one: {string.Join(", ", recovered.Select(r => $"{r.TotalSeconds:0.0}"))} s); review mails per request: {await ReviewMailCountsAsync(requestIds)}"
            + $"; all {requestIds.Count} then approved and Matched within {finished.TotalSeconds:0.0} s");
    }

    private async Task FinishAsync(string requestId)
    {
        var review = await _client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "review"), "review request");
        using (var approve = await _client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK, $"approving {requestId}");
        }
        await _client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(150));
    }

    /// <summary>Polls every request until each is InReview with its review mail in the sink; returns when each got there,
    /// counted from the call. Fails naming each request that did not, with its status and its orchestration's state.</summary>
    private async Task<IReadOnlyList<TimeSpan>> WaitUntilAllInReviewAsync(IReadOnlyList<string> requestIds)
    {
        var clock = Stopwatch.StartNew();
        var reached = new Dictionary<string, TimeSpan>();
        var last = new Dictionary<string, string>();
        while (reached.Count < requestIds.Count && clock.Elapsed < RecoveryLimit)
        {
            var mails = await _client.MailsAsync();
            foreach (var requestId in requestIds.Where(id => !reached.ContainsKey(id)))
            {
                var detail = await _client.AdminGetAsync($"/api/admin/requests/{requestId}");
                var status = detail.GetProperty("status").GetString();
                var hasReviewMail = mails.Any(m => m.Text.Contains(requestId, StringComparison.Ordinal) && WgeoClient.LinkPatternMatches(m, "review"));
                if (status == "InReview" && hasReviewMail) reached[requestId] = clock.Elapsed;
                last[requestId] = $"status {status}, review mail {(hasReviewMail ? "sent" : "not sent")}, orchestration {Orchestration(detail)}";
            }
            if (reached.Count < requestIds.Count) await Task.Delay(500, Ct);
        }
        requestIds.Where(id => !reached.ContainsKey(id)).Select(id => $"{id}: {last[id]}")
            .ShouldBeEmpty($"every workflow reaches review within {RecoveryLimit.TotalSeconds:0} s of storage returning");
        return [.. reached.Values.Order()];
    }

    /// <summary>How many review mails each request got, as "count×requests" (a mail whose send was cut off after
    /// SendGrid accepted it is sent again: at least once, by design).</summary>
    private async Task<string> ReviewMailCountsAsync(IReadOnlyList<string> requestIds)
    {
        var mails = await _client.MailsAsync();
        var counts = requestIds.Select(id => mails.Count(m => m.Text.Contains(id, StringComparison.Ordinal) && WgeoClient.LinkPatternMatches(m, "review")));
        return string.Join(", ", counts.GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
    }

    private static string Orchestration(JsonElement detail) =>
        detail.TryGetProperty("orchestration", out var o) && o.ValueKind == JsonValueKind.Object
            ? o.GetProperty("runtimeStatus").GetString() ?? "?"
            : "none";

    /// <summary>Right after Azurite returns the host may still need a moment; a form service keeps redelivering on 503, and
    /// here it redelivers until the delivery is answered otherwise.</summary>
    private async Task<HttpResponseMessage> DeliverUntilAnsweredAsync(string submissionId)
    {
        var answered = await Poll.UntilAsync<HttpResponseMessage?>(async () =>
            {
                var response = await _client.SubmitAsync(SamplePayloads.Valid(submissionId));
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return response;
                response.Dispose();
                return null;
            }, response => response is not null, TimeSpan.FromSeconds(90), $"{submissionId} delivered again and answered other than 503",
            _ => "503", Ct);
        return answered!;
    }

    private static string Tail(string text) => text.Length > 4_000 ? text[^4_000..] : text;
}
