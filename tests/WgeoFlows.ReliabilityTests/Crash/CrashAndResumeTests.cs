using System.Net;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// Crash and resume: the local host killed with <c>kill -9</c> at each point where a request waits (one test each, in
/// CrashAndResumeTests.WaitingPoints.cs) and in the middle of the activity that sends a mail (CrashAndResumeTests.MailSend.cs),
/// then started again on the same storage. Every request completes (Matched), and every mail of its outbox reached the
/// mail sink exactly once per recipient. One <see cref="CrashStack"/> for all of them: each test kills and restarts it.
/// </summary>
public sealed partial class CrashAndResumeTests(CrashStack stack) : IClassFixture<CrashStack>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A test that failed midway must not take the next ones down with it.</summary>
    public async ValueTask DisposeAsync() => await stack.RecoverAsync();

    private async Task DecideAsync(string link, params (string Name, string Value)[] fields)
    {
        using var response = await Client.PostFormAsync(link, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"POST {link}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>The request completed, its orchestration still runs on (the follow-up timer), and every mail of its outbox
    /// reached the sink exactly once per recipient — across the crash.</summary>
    private async Task<MailLedger> AssertCompletedOnceAsync(string requestId, string crashPoint, TimeSpan restart)
    {
        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("status").GetString().ShouldBe("Matched");
        detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString().ShouldBe("Running");

        var ledger = await MailLedger.ReadAsync(Client.Http, stack.Storage.ConnectionString, requestId);
        Figures.Record($"Crash at the {crashPoint}: host restarted in {restart.TotalSeconds:0.0} s; {requestId} Matched; {ledger.Describe()}");
        AssertNothingLostOrDoubled(ledger);
        ledger.Deliveries.ShouldNotBeEmpty();
        return ledger;
    }

    private static void AssertNothingLostOrDoubled(MailLedger ledger)
    {
        ledger.Duplicates.ShouldBeEmpty("no mail reached the sink twice");
        ledger.Unsent.ShouldBeEmpty("every mail of the outbox was sent");
        ledger.Lost.ShouldBeEmpty("every mail the outbox marked sent reached the sink");
    }
}
