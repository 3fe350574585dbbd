using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Matching;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.MailFaults;

/// <summary>
/// The local mail sink fails a third of the mail/send calls — 429 with Retry-After, 500, hanging before accepting, and
/// accepting then hanging — while many requests run the whole path (acknowledgement, review, offer, introductions,
/// follow-up, closed). Every email must still reach the sink, every request must close, and the duplicates that
/// accept-then-hang causes are counted. Own Azurite and host: the sink's faults are host configuration.
/// </summary>
public sealed class MailFaultTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // CI runs 30 requests (about 210 emails, 300 sink calls); WGEO_FULL_MAIL_FAULTS=1 runs 100.
    private static readonly int Requests = Environment.GetEnvironmentVariable("WGEO_FULL_MAIL_FAULTS") == "1" ? 100 : 30;
    private const double FaultShare = 1.0 / 3;
    private const int Seed = 8;

    /// <summary>The emails of one request that runs the whole path and closes without follow-up answers.</summary>
    private static readonly string[] TemplatesOfOneRequest =
        ["acknowledgement", "follow-up", "follow-up", "introduction-partner", "introduction-requester", "offer", "review-request"];

    // One partner with room for every request, FICTIONAL, stored before the host starts (so no sample partners load).
    private const string Registry = """
        id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active
        mail-fault-partner,Mail Fault Partner (fictional),civil-society,KE,provider,biodiversity,capacity-building,en,1000,partner@example.org,true
        """;

    private AzuriteInstance _storage = null!;
    private LocalHostProcess _host = null!;
    private WgeoClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _storage = await AzuriteInstance.StartAsync();
        var partners = new PartnerStore(new StorageClients(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString })),
            TimeProvider.System);
        var report = await new PartnerCsvImporter(partners).ImportAsync(Registry, Ct);
        report.Rejected.ShouldBe(0, JsonSerializer.Serialize(report.Rows));

        _host = await LocalHostProcess.StartAsync(_storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = HostileStack.WebhookSecret,
            ["Admin:ApiKey"] = HostileStack.AdminKey,
            ["MailSink:Faults:Share"] = FaultShare.ToString("R", CultureInfo.InvariantCulture),
            ["MailSink:Faults:Seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["MailSink:Faults:RetryAfter"] = "00:00:01",
            ["MailSink:Faults:HangFor"] = "00:01:00",
            // Short enough that hangs cost seconds, not the product's 30 s; long enough for a normal call on a loaded machine.
            ["SendGrid:Timeout"] = "00:00:04",
            // The product's budget of 12 attempts, with intervals of seconds instead of minutes to fit CI's time.
            ["Mail:Retry:FirstInterval"] = "00:00:01",
            ["Mail:Retry:MaxInterval"] = "00:00:04",
            ["Matching:CandidatesPerRound"] = "1",
            ["FollowUp:After"] = "00:00:02",
            ["FollowUp:AnswerWithin"] = "00:00:05",
        });
        _client = new WgeoClient(_host.Http, HostileStack.WebhookSecret, HostileStack.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_storage is not null) await _storage.DisposeAsync();
    }

    [Fact]
    public async Task With_a_third_of_sendgrid_calls_failing_every_email_is_delivered_and_every_request_closes()
    {
        var clock = Stopwatch.StartNew();
        var requestIds = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct },
            async (i, _) => requestIds.Add(await _client.SubmitNewAsync(BiodiversityRequest($"mail-faults-{i}"))));

        var driver = new PathDriver(_client);
        var notClosed = await driver.RunUntilClosedAsync(requestIds, DateTime.UtcNow + TimeSpan.FromMinutes(Requests / 10 + 4));
        var elapsed = clock.Elapsed;

        var faults = await SinkRecords.FaultsAsync(_host.Http);
        var atSink = (await SinkRecords.MailsAsync(_host.Http)).ToLookup(m => (m.RequestId, m.MessageKey));
        var outbox = new List<(string RequestId, JsonElement Row)>();
        var failedRuns = new List<string>();
        foreach (var requestId in requestIds)
        {
            var detail = await _client.AdminGetAsync($"/api/admin/requests/{requestId}");
            var runtime = detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString();
            if (runtime != "Completed") failedRuns.Add($"{requestId}: {detail.GetProperty("status")} / {runtime} {detail.GetProperty("orchestration")}");
            outbox.AddRange(detail.GetProperty("emails").EnumerateArray().Select(e => (requestId, e)));
        }

        var attempts = outbox.Select(o => o.Row.GetProperty("attempts").GetInt32()).ToList();
        var copies = outbox.Select(o => atSink[(o.RequestId, o.Row.GetProperty("messageKey").GetString()!)].Count()).ToList();
        var duplicates = copies.Sum(c => Math.Max(0, c - 1));
        var acceptedThenHung = faults.Of("AcceptThenHang");
        Figures.Record($"Mail faults ({Requests} requests, {elapsed.TotalSeconds:0} s): {outbox.Count} emails, {faults.Calls} sink calls, "
            + $"{faults.Total} faults ({100.0 * faults.Total / Math.Max(1, faults.Calls):0.0}%: 429×{faults.Of("TooManyRequests")}, "
            + $"500×{faults.Of("ServerError")}, hang before accepting×{faults.Of("HangBeforeAccept")}, accept then hang×{acceptedThenHung}), "
            + $"{attempts.Sum(a => a - 1)} retries, at most {attempts.DefaultIfEmpty().Max()} attempts for one email, "
            + $"{duplicates} duplicates at the sink ({acceptedThenHung} from accept-then-hang, {duplicates - acceptedThenHung} from other timeouts); "
            + $"not closed {notClosed.Count}, not completed {failedRuns.Count}");

        // The faults really happened, of every kind, at about the configured share: otherwise this proves nothing.
        foreach (var kind in new[] { "TooManyRequests", "ServerError", "HangBeforeAccept", "AcceptThenHang" }) faults.Of(kind).ShouldBeGreaterThan(0, kind);
        ((double)faults.Total / faults.Calls).ShouldBeInRange(0.2, 0.45, "share of sink calls that failed");

        notClosed.ShouldBeEmpty("every request reaches Closed");
        failedRuns.ShouldBeEmpty("every orchestration completes");
        driver.RefusedAnswers.ShouldBeEmpty("every review and offer link worked once");
        foreach (var requestId in requestIds)
        {
            outbox.Where(o => o.RequestId == requestId).Select(o => o.Row.GetProperty("template").GetString()).Order(StringComparer.Ordinal)
                .ToList().ShouldBe(TemplatesOfOneRequest, ignoreOrder: false, customMessage: $"the emails of {requestId}");
        }
        outbox.Where(o => o.Row.GetProperty("state").GetString() != "Sent")
            .Select(o => $"{o.RequestId} {o.Row}").ShouldBeEmpty("no outbox row is left Pending");
        outbox.Where(o => !atSink.Contains((o.RequestId, o.Row.GetProperty("messageKey").GetString()!)))
            .Select(o => $"{o.RequestId} {o.Row}").ShouldBeEmpty("every email of the outbox reached the sink");
        atSink.Where(g => !outbox.Any(o => o.RequestId == g.Key.RequestId && o.Row.GetProperty("messageKey").GetString() == g.Key.MessageKey))
            .Select(g => $"{g.Key}").ShouldBeEmpty("the sink got no email the outbox does not know");

        // The outbox says why an attempt failed: SendGrid's status (with Retry-After for a 429), or the client's timeout.
        var lastErrors = outbox.Select(o => o.Row.TryGetProperty("lastError", out var error) ? error.GetString()! : "").ToList();
        lastErrors.ShouldContain(e => e.StartsWith("SendGrid answered 429 TooManyRequests (retry after 1 s)", StringComparison.Ordinal));
        lastErrors.ShouldContain(e => e.StartsWith("SendGrid answered 500", StringComparison.Ordinal));
        lastErrors.ShouldContain(e => e == "SendGrid did not answer within 4 s");

        // Each failed call was retried: an email's attempts count its calls, so retries cover the faults.
        attempts.Sum(a => a - 1).ShouldBeGreaterThanOrEqualTo((int)faults.Total, "retries");
        // Each accept-then-hang left a copy at the sink that the retry then sent again: at least that many duplicates.
        duplicates.ShouldBeGreaterThanOrEqualTo((int)acceptedThenHung, "duplicates at the sink");
        copies.Sum().ShouldBe((int)faults.Stored, "every stored call is one copy of an outbox email");
    }

    /// <summary>The contract's example asking for what only the test registry's one partner offers: a one-to-one match.</summary>
    private static JsonObject BiodiversityRequest(string submissionId)
    {
        var payload = SamplePayloads.Valid(submissionId);
        var request = payload["request"]!.AsObject();
        request["thematicAreas"] = new JsonArray("biodiversity");
        request["supportTypes"] = new JsonArray("capacity-building");
        return payload;
    }
}
