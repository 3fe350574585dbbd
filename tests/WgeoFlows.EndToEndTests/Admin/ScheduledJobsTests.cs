using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
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
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        JsonElement detail;
        do
        {
            await Task.Delay(500, Ct);
            detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        }
        while ((detail.TryGetProperty("orchestration", out _) || !Actions(detail).Contains("orchestration history purged"))
            && DateTime.UtcNow < deadline);

        detail.TryGetProperty("orchestration", out _).ShouldBeFalse($"the history was not purged: {detail}");
        detail.GetProperty("status").GetString().ShouldBe("Rejected");
        Actions(detail).ShouldContain("orchestration history purged");
        Actions(detail).ShouldContain("not eligible");
    }

    [Fact]
    public async Task The_digest_and_the_impact_summary_go_out_once_however_often_their_timers_fire()
    {
        // Both timers fire every 3 s: after a first mail, several more firings must add none.
        await WaitForMailsAsync(m => m.Subject.StartsWith("WgeoFlows digest", StringComparison.Ordinal)
            || m.Subject.StartsWith("WgeoFlows impact", StringComparison.Ordinal), count: 2);
        await Task.Delay(TimeSpan.FromSeconds(7), Ct); // at least two more firings of each timer

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
        ["Admin:DigestSchedule"] = "*/3 * * * * *",
        ["Impact:SummarySchedule"] = "*/3 * * * * *",
        ["Intake:DispatchSweepSchedule"] = "*/2 * * * * *",
    };

    public WgeoClient Client { get; protected set; } = null!;
    public AzuriteInstance Storage { get; protected set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class LocalScheduledJobsStack : ScheduledJobsStack
{
    private OwnStack? _stack;

    public override async ValueTask InitializeAsync()
    {
        _stack = await OwnStack.StartAsync(Schedules);
        (Client, Storage) = (_stack.Client, _stack.Storage);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_stack is not null) await _stack.DisposeAsync();
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
