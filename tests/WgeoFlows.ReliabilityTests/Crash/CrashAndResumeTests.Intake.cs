using System.Collections.Concurrent;
using System.Diagnostics;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

// Killed between the webhook's 202 and the dispatch that stores the record and starts the workflow (ADR 0006): the
// accepted submissions wait in their inbox rows, and the restarted host's sweep dispatches every one of them, once.
public sealed partial class CrashAndResumeTests
{
    private const int Burst = 40;

    [Fact]
    public async Task A_burst_killed_before_its_dispatch_is_dispatched_by_the_restarted_host_and_every_request_reaches_review_once()
    {
        var census = new StorageCensus(stack.Storage.ConnectionString);
        var accepted = new ConcurrentBag<string>();
        var prefix = $"crash-burst-{Guid.NewGuid():N}"[..20];
        await Parallel.ForAsync(0, Burst, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (i, _) => accepted.Add(await Client.SubmitNewAsync(SamplePayloads.Valid($"{prefix}-{i}"))));
        // At once after the last 202: the in-process dispatcher is still working through the burst.
        await stack.KillAsync();

        var waiting = await CountWaitingAsync(census, accepted);
        waiting.ShouldBeGreaterThan(0, "the kill must land while some accepted submissions still wait for their dispatch");

        var restart = await stack.RestartAsync();
        var clock = Stopwatch.StartNew();
        while (await CountWaitingAsync(census, accepted) > 0)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the sweep dispatches what the kill left waiting");
            await Task.Delay(250, Ct);
        }
        var dispatchedAfter = clock.Elapsed;

        foreach (var requestId in accepted)
        {
            await Client.WaitForStatusAsync(requestId, "InReview", TimeSpan.FromSeconds(120));
            (await census.ExecutionsStartedAsync(requestId, Ct)).ShouldBe(1, $"{requestId} started once");
            (await census.RequestRecordsAsync(requestId, Ct)).ShouldBe(1);
        }
        foreach (var requestId in accepted)
        {
            await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Requester), "acknowledgement", TimeSpan.FromSeconds(60));
            var ledger = await MailLedger.ReadAsync(Client.Http, stack.Storage.ConnectionString, requestId);
            ledger.Duplicates.ShouldBeEmpty($"{requestId}: no mail reached the sink twice");
            ledger.Lost.ShouldBeEmpty($"{requestId}: every mail the outbox marked sent reached the sink");
        }
        Figures.Record($"Crash between the 202 and the dispatch: {Burst} accepted, {waiting} still waiting at the kill; host restarted in " +
            $"{restart.TotalSeconds:0.0} s, all dispatched {dispatchedAfter.TotalSeconds:0.0} s after it; each InReview, started once");
    }

    /// <summary>How many of <paramref name="requestIds"/> have no running request yet: an inbox row still pending, or no
    /// orchestration.</summary>
    private static async Task<int> CountWaitingAsync(StorageCensus census, IEnumerable<string> requestIds)
    {
        var unstarted = (await census.UnstartedSubmissionsAsync(Ct)).Select(WgeoFlows.Domain.RequestIds.For).ToHashSet(StringComparer.Ordinal);
        return requestIds.Count(unstarted.Contains);
    }
}
