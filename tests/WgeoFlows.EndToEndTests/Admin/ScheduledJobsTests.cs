using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Digest;
using WgeoFlows.Configuration;
using WgeoFlows.Impact;
using WgeoFlows.Impact.Summary;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Notifications;
using WgeoFlows.Scheduling;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// Each scheduled job runs on its configured schedule, of seconds here, on each host: the history purge (with a tiny
/// PurgeAfter), the daily digest (once for the day however often its timer fires), the intake sweep (it finishes a
/// submission a crash left in the inbox) and the quarterly impact summary (once for the quarter). Each host gets an
/// Azurite and a host of this class's own, for the schedules of seconds.
/// </summary>
public abstract class ScheduledJobsTests(ScheduledJobsStack stack)
{
    protected const string Reader = ScheduledJobsStack.Reader;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected WgeoClient Client => stack.Client;
    protected AzuriteInstance Storage => stack.Storage;

    [Fact]
    public async Task A_finished_requests_history_is_purged_by_the_timer()
    {
        var payload = SamplePayloads.Valid($"e2e-purge-timer-{Guid.NewGuid():N}");
        payload["request"]!["description"] = "Too short.";
        using var submitted = await Client.SubmitAsync(payload);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        await Client.WaitForStatusAsync(requestId, "Rejected");

        // The job purges, then writes the timeline: wait for both.
        static List<string?> Actions(JsonElement detail) =>
            detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        var detail = await Poll.UntilAsync(() => Client.AdminGetAsync($"/api/admin/requests/{requestId}"),
            d => !d.TryGetProperty("orchestration", out _) && Actions(d).Contains("orchestration history purged"), TimeSpan.FromSeconds(120),
            $"the history of {requestId} purged by the timer", d => d.ToString(), Ct);

        detail.GetProperty("status").GetString().ShouldBe("Rejected");
        Actions(detail).ShouldContain("orchestration history purged");
        Actions(detail).ShouldContain("not eligible");
    }

    [Fact]
    public async Task The_digest_and_the_impact_summary_go_out_once_however_often_their_timers_fire()
    {
        // Both timers fire every 2 s: after a first mail, more runs must add none.
        await WaitForMailsAsync(m => m.Subject.StartsWith("WgeoFlows digest", StringComparison.Ordinal)
            || m.Subject.StartsWith("WgeoFlows impact", StringComparison.Ordinal), count: 2);
        // The run that sent a mail is over once the mail's outbox row is marked sent (its last write).
        var outbox = new EmailOutboxStore(new StorageClients(Options.Create(new StorageOptions { ConnectionString = Storage.ConnectionString })));
        var digestPartition = AdminDigestJob.PartitionFor(DateOnly.FromDateTime(DateTime.UtcNow));
        var summaryPartition = ImpactSummaryJob.PartitionFor(ImpactQuarters.Previous(DateTimeOffset.UtcNow));
        foreach (var (partition, key) in new[] { (digestPartition, AdminDigestJob.MessageKey), (summaryPartition, ImpactSummaryJob.MessageKey) })
        {
            await Poll.UntilAsync(async () => await outbox.GetAsync(partition, key, Ct) is { State: not EmailState.Pending }, TimeSpan.FromSeconds(60),
                $"the outbox row {partition}/{key} marked sent", Ct);
        }

        // Then each job runs at least twice more. A job's runs never overlap, so once a third run has begun the two before
        // it are over, and any mail they sent is in the sink.
        var digestRuns = stack.RunsBegun(ScheduledJobs.DigestName);
        var summaryRuns = stack.RunsBegun(ScheduledJobs.ImpactSummaryName);
        await Poll.UntilAsync(() => Task.FromResult(stack.RunsBegun(ScheduledJobs.DigestName) >= digestRuns + 3
                && stack.RunsBegun(ScheduledJobs.ImpactSummaryName) >= summaryRuns + 3),
            TimeSpan.FromSeconds(60), "three more runs of the digest and of the impact summary begun", Ct);

        var mails = (await Client.MailsAsync()).Where(m => m.To.Contains(Reader)).ToList();
        mails.Where(m => m.Subject.StartsWith("WgeoFlows digest", StringComparison.Ordinal)).ShouldHaveSingleItem();
        mails.Where(m => m.Subject.StartsWith("WgeoFlows impact", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .Subject.ShouldMatch(@"WgeoFlows impact \d{4}-Q[1-4]");
    }

    [Fact]
    public async Task The_intake_sweep_finishes_a_submission_a_crash_left_in_the_inbox()
    {
        // What a host that died between its 202 and its dispatch leaves: the inbox row alone, received a minute ago.
        var submissionId = $"e2e-swept-{Guid.NewGuid():N}";
        var body = SamplePayloads.Valid(submissionId).ToElement();
        var submission = SubmissionValidator.Validate(body).Submission.ShouldNotBeNull();
        var requestId = RequestIds.For(submissionId);
        var pending = PendingSubmission.From(submission, requestId, SubmissionFingerprint.Of(body), DateTimeOffset.UtcNow.AddMinutes(-1));
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = Storage.ConnectionString }));
        await storage.EnsureCreatedAsync();
        (await new SubmissionInbox(storage).TryAddAsync(pending, Ct)).ShouldBeTrue();

        await Client.WaitForStatusAsync(requestId, "InReview", TimeSpan.FromSeconds(90));
        await Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request");
    }

    private async Task<IReadOnlyList<SinkMail>> WaitForMailsAsync(Func<SinkMail, bool> match, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var mails = (await Client.MailsAsync()).Where(m => m.To.Contains(Reader) && match(m)).ToList();
            if (mails.Count >= count) return mails;
            await Task.Delay(300, Ct);
        }
        throw new TimeoutException($"Fewer than {count} scheduled mails reached {Reader} within 120 s.");
    }
}

/// <summary>
/// A stack of the class's own (the schedules of seconds must not reach the shared stacks), started once for its tests.
/// Every schedule key of both hosts is set: the Functions timer triggers and the local host's scheduler read the same ones.
/// </summary>
public abstract class ScheduledJobsStack : IAsyncLifetime
{
    public const string Reader = "digest-reader@example.org";

    protected static readonly IReadOnlyDictionary<string, string?> Schedules = new Dictionary<string, string?>
    {
        ["Admin:NotifyEmails:0"] = Reader,
        ["Admin:PurgeSchedule"] = "*/2 * * * * *",
        ["Admin:PurgeAfter"] = "00:00:01",
        ["Admin:DigestSchedule"] = "*/2 * * * * *",
        ["Impact:SummarySchedule"] = "*/2 * * * * *",
        ["Intake:DispatchSweepSchedule"] = "*/2 * * * * *",
    };

    public WgeoClient Client { get; protected set; } = null!;
    public AzuriteInstance Storage { get; protected set; } = null!;

    /// <summary>How many runs of the scheduled job <paramref name="jobName"/> (the digest or the impact summary) have begun
    /// so far: a run that finds its mail already sent writes nothing, so its trace is elsewhere on each host.</summary>
    public abstract int RunsBegun(string jobName);

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class LocalScheduledJobsStack : ScheduledJobsStack
{
    private StorageRequestLines? _tables;
    private LocalHostProcess? _host;

    public override async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        // The host reaches the tables through a relay that keeps its request lines: each run of the digest or the impact
        // summary begins by reading its mail's outbox row.
        _tables = new StorageRequestLines(Storage.TablePort);
        _host = await LocalHostProcess.StartAsync(Storage, new Dictionary<string, string?>(Schedules)
        {
            ["Storage:ConnectionString"] = Storage.ConnectionString.Replace($":{Storage.TablePort}/", $":{_tables.Port}/", StringComparison.Ordinal),
            ["Intake:WebhookSecret"] = LocalStack.WebhookSecret,
            ["Admin:ApiKey"] = LocalStack.AdminKey,
        });
        Client = new WgeoClient(_host.Http, LocalStack.WebhookSecret, LocalStack.AdminKey);
    }

    public override int RunsBegun(string jobName)
    {
        var messageKey = jobName switch
        {
            ScheduledJobs.DigestName => AdminDigestJob.MessageKey,
            ScheduledJobs.ImpactSummaryName => ImpactSummaryJob.MessageKey,
            _ => throw new ArgumentException($"{jobName} sends no mail of its own.", nameof(jobName)),
        };
        return _tables!.Count(line => line.Contains("GET /", StringComparison.Ordinal)
            && line.Contains($"RowKey='{EmailOutboxStore.RowPrefix}{messageKey}'", StringComparison.Ordinal));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_tables is not null) await _tables.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }
}

public sealed class FunctionsScheduledJobsStack : ScheduledJobsStack
{
    public FunctionsHostStack Functions { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Functions = await FunctionsHostStack.StartAsync(Schedules);
        Client = new WgeoClient(Functions.Host.Http, FunctionsHostStack.WebhookSecret, FunctionsHostStack.AdminKey, Functions.MailSink.Http);
        Storage = Functions.Storage;
    }

    /// <summary>The Functions host logs each run of a timer function as it begins ("Executing 'Functions.AdminDigest' (Reason='Timer
    /// fired at …')").</summary>
    public override int RunsBegun(string jobName)
    {
        var begins = $"Executing 'Functions.{jobName}'";
        return Functions.Host.Output.Split('\n').Count(line => line.Contains(begins, StringComparison.Ordinal));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Functions is not null) await Functions.DisposeAsync();
    }
}

/// <summary>The scheduled jobs on the local host, run by its own scheduler.</summary>
public sealed class ScheduledJobsTestsOnLocalHost(LocalScheduledJobsStack stack)
    : ScheduledJobsTests(stack), IClassFixture<LocalScheduledJobsStack>;

/// <summary>The scheduled jobs as timer functions under the Azure Functions host, which resolves their %schedule% settings.</summary>
public sealed class ScheduledJobsTestsOnFunctionsHost(FunctionsScheduledJobsStack stack)
    : ScheduledJobsTests(stack), IClassFixture<FunctionsScheduledJobsStack>
{
    /// <summary>A timer whose %schedule% setting is missing is dropped by the host at indexing, with no more than a log
    /// line: every scheduled job's timer must be among the functions it loaded.</summary>
    [Fact]
    public void The_host_loaded_every_timer_function()
    {
        var loaded = stack.Functions.Host.LoadedFunctions;
        loaded.Count.ShouldBeGreaterThan(40, stack.Functions.Host.Output);
        foreach (var timer in WgeoFlows.Scheduling.ScheduledJobs.All.Select(j => j.Name))
        {
            loaded.ShouldContain(timer);
        }
    }
}
