using System.Diagnostics;
using System.Text.Json;

namespace WgeoFlows.Tests.Privacy;

/// <summary>The local host of <see cref="RetentionProofTests"/>: personal data kept 15 s after a final status, the retention
/// job every 2 s, an unanswered question expiring after 10 s. The scan before erasure may come after the first requests' time
/// is up (a loaded machine runs the workflows slowly): the last request to finish holds all three needles then.</summary>
public sealed class RetentionProofHost : ProofHost
{
    public static readonly TimeSpan RetainFor = TimeSpan.FromSeconds(15);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Review:ExpireAfter"] = "00:00:10",
        ["Privacy:RetainFor"] = RetainFor.ToString(),
        ["Privacy:RetentionSchedule"] = "*/2 * * * * *",
    };
}

/// <summary>
/// The proof that retention erases by itself: the same four requests, ended in the four final statuses, are erased by the
/// scheduled job once Privacy:RetainFor has passed, with no admin action; then no row or blob holds the person's name,
/// address or phrase, and the admin counts and the impact figures are what they were.
/// </summary>
public sealed class RetentionProofTests(RetentionProofHost host) : IClassFixture<RetentionProofHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retention_erases_finished_requests_after_the_period_leaving_no_trace_and_no_count_changed()
    {
        var clock = Stopwatch.StartNew();
        var person = new ProofPerson("4420");
        var scan = new PersonalDataScan(host.Storage.ConnectionString, person.Needles);
        var ids = await FinalStates.RunAsync(host, person);
        var ran = clock.Elapsed;

        var before = await scan.RunAsync(Ct);
        var counts = await host.AdminCountsAsync();
        var impact = await host.ImpactDataAsync();
        before.Matches.Values.ShouldAllBe(found => found > 0, before.ToString());

        clock.Restart();
        await WaitUntilErasedAsync(ids);
        var erasing = clock.Elapsed;

        var after = await scan.RunAsync(Ct);
        ErasureProofTests.Report(ran, erasing, before, after);
        after.TotalMatches.ShouldBe(0, string.Join(Environment.NewLine, after.Where));
        (await host.AdminCountsAsync()).ShouldBe(counts);
        (await host.ImpactDataAsync()).ShouldBe(impact);
        await ErasureProofTests.ErasedRequestsStillShowAsync(host, ids);
        var audit = (await host.AdminGetAsync("/api/admin/audit")).GetProperty("items").EnumerateArray().ToList();
        audit.Count.ShouldBe(4);
        audit.ShouldAllBe(a => a.GetProperty("action").GetString() == "retention" && a.GetProperty("actor").GetString() == "retention");
        audit.SelectMany(a => a.GetProperty("requestIds").EnumerateArray().Select(r => r.GetString())).Order(StringComparer.Ordinal)
            .ShouldBe(ids.All.Order(StringComparer.Ordinal));
    }

    /// <summary>Polls the admin detail of each request until its record says it was erased: the period plus a few runs of the job.</summary>
    private async Task WaitUntilErasedAsync(FinalStateRequests ids)
    {
        var deadline = DateTime.UtcNow + RetentionProofHost.RetainFor + TimeSpan.FromSeconds(60);
        var waiting = ids.All.ToHashSet();
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var id in waiting.ToList())
            {
                var request = (await host.AdminGetAsync($"/api/admin/requests/{id}")).GetProperty("request");
                if (request.TryGetProperty("erasedAt", out var at) && at.ValueKind == JsonValueKind.String) waiting.Remove(id);
            }
            if (waiting.Count > 0) await Task.Delay(500, Ct);
        }
        waiting.ShouldBeEmpty("the retention job did not erase these in time");
    }
}
