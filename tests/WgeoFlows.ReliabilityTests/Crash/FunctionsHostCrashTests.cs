using System.Diagnostics;
using System.Net;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// Crash and resume on the Azure Functions host: the host and its isolated worker killed with <c>kill -9</c> while a
/// request waits for its review, and again in the middle of an offer round (one offer accepted, the other still open),
/// then started again on the same storage. The workflow resumes from the Durable extension's own storage and ends
/// Matched, with one acknowledgement and one review mail per request and no mail lost or sent twice.
/// </summary>
public sealed class FunctionsHostCrashTests : IAsyncLifetime
{
    private const string Reviewer = "cities.lead@example.org";
    private const string Requester = "amina@example.org";

    /// <summary>After a kill the Durable extension waits for its app and partition leases to lapse before it runs
    /// orchestrations again (a minute at most with host.json's settings).</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(240);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FunctionsHostStack _stack = null!;
    private WgeoClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _stack = await FunctionsHostStack.StartAsync(new Dictionary<string, string?>
        {
            // One round and an hour to answer: no round times out while a test runs.
            ["Matching:MaxRounds"] = "1",
            ["Matching:OfferTimeout"] = "01:00:00",
        }, Ct);
        _client = new WgeoClient(_stack.Host.Http, FunctionsHostStack.WebhookSecret, FunctionsHostStack.AdminKey, _stack.MailSink.Http);
    }

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_request_killed_while_waiting_for_review_and_again_mid_offer_round_resumes_and_ends_Matched_with_each_mail_once()
    {
        var requestId = await _client.SubmitNewAsync(SamplePayloads.Valid("functions-crash-review"));
        var review = await _client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer), "review request");
        await _client.WaitForStatusAsync(requestId, "InReview");

        var firstRestart = await KillAndRestartAsync();

        await DecideAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve"));
        // The sample request asks for financing: a triangle, offered to a technical partner and a funder.
        var firstOffer = await _client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer", ResumeWithin);
        await DecideAsync(WgeoClient.LinkIn(firstOffer, "offer"), ("response", "accept"));
        await WaitForTimelineAsync(requestId, "offer decision: accept");
        // The kill lands mid-round, not mid-send: the triangle's other offer is sent in parallel with the first, and a kill
        // between SendGrid's acceptance and the outbox's Sent mark sends that mail again (at least once, by design; the
        // local host's crash tests cover that window). Wait until the outbox holds no unsent mail.
        await WaitForOutboxSentAsync(requestId);

        var secondRestart = await KillAndRestartAsync();

        await _client.AcceptOffersUntilMatchedAsync(requestId, ResumeWithin);
        var detail = await _client.WaitForStatusAsync(requestId, "Matched", ResumeWithin);
        detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString().ShouldBe("Running"); // the follow-up timer

        var ledger = await MailLedger.ReadAsync(_stack.MailSink.Http, _stack.Storage.ConnectionString, requestId);
        Figures.Record($"Functions host killed at the review wait (restart {firstRestart.TotalSeconds:0.0} s) and mid-offer round " +
            $"(restart {secondRestart.TotalSeconds:0.0} s): {requestId} Matched; {ledger.Describe()}");
        ledger.Deliveries.Count(d => d.MessageKey == "ack" && d.Recipient == Requester).ShouldBe(1, "one acknowledgement");
        ledger.Deliveries.Count(d => d.MessageKey.StartsWith("review|", StringComparison.Ordinal) && d.Recipient == Reviewer)
            .ShouldBe(1, "one review mail");
        ledger.Deliveries.ShouldContain(d => d.MessageKey == "intro|requester" && d.Recipient == Requester);
        ledger.Duplicates.ShouldBeEmpty("no mail reached the sink twice");
        ledger.Unsent.ShouldBeEmpty("every mail of the outbox was sent");
        ledger.Lost.ShouldBeEmpty("every mail the outbox marked sent reached the sink");
    }

    private async Task<TimeSpan> KillAndRestartAsync()
    {
        await _stack.Host.KillHardAsync();
        var clock = Stopwatch.StartNew();
        await _stack.Host.RestartAsync(Ct);
        return clock.Elapsed;
    }

    private async Task WaitForOutboxSentAsync(string requestId) =>
        await Poll.UntilAsync(() => MailLedger.ReadAsync(_stack.MailSink.Http, _stack.Storage.ConnectionString, requestId),
            ledger => ledger.Outbox.Count(e => e.MessageKey.StartsWith("offer|", StringComparison.Ordinal)) >= 2 && ledger.Unsent.Count == 0,
            TimeSpan.FromSeconds(60), $"both offers of {requestId}'s round sent", ledger => ledger.Describe(), Ct);

    private async Task DecideAsync(string link, params (string Name, string Value)[] fields)
    {
        using var response = await _client.PostFormAsync(link, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"POST {link}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task WaitForTimelineAsync(string requestId, string action)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await _client.TimelineAsync(requestId)).Any(t => t.Action == action)) return;
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"The timeline of {requestId} never showed '{action}'.");
    }
}
