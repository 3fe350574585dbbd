using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace WgeoFlows.Tests.Privacy;

/// <summary>The local host of <see cref="ErasureProofTests"/>: an unanswered question expires after 15 s.</summary>
public sealed class ErasureProofHost : ProofHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Review:ExpireAfter"] = "00:00:15" };
}

/// <summary>
/// The proof that an erasure on request leaves nothing of the person: four of their requests, run through the real workflow
/// to Closed, Rejected, Expired and Cancelled, are erased — two by id, the rest by the person's address — and then no table
/// row and no blob of the storage account holds their name, address or phrase, where before the erasure many did; the
/// admin counts and the impact figures are what they were.
/// </summary>
public sealed class ErasureProofTests(ErasureProofHost host) : IClassFixture<ErasureProofHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_erasure_no_row_or_blob_holds_the_persons_name_address_or_phrase_and_no_count_changed()
    {
        var clock = Stopwatch.StartNew();
        var person = new ProofPerson("7731");
        var scan = new PersonalDataScan(host.Storage.ConnectionString, person.Needles);
        var ids = await FinalStates.RunAsync(host, person);
        var ran = clock.Elapsed;

        var before = await scan.RunAsync(Ct);
        var counts = await host.AdminCountsAsync();
        var impact = await host.ImpactDataAsync();
        before.Matches.Values.ShouldAllBe(found => found > 0, before.ToString());
        before.Where.ShouldContain(w => w.Contains("table WgeoFlowsHistory", StringComparison.Ordinal), "the Durable history holds them");

        clock.Restart();
        var reason = $"{person.Name} asked by mail to be forgotten";
        var closed = await EraseAsync(ids.Closed, reason);
        closed.GetProperty("alreadyErased").GetBoolean().ShouldBeFalse();
        closed.GetProperty("erased").GetProperty("instancesPurged").GetInt32().ShouldBe(1);
        closed.GetProperty("erased").GetProperty("blobsDeleted").GetInt32().ShouldBe(2);
        (await EraseAsync(ids.Rejected, reason)).GetProperty("status").GetString().ShouldBe("Rejected");
        var (status, people) = await host.AdminPostAsync("/api/admin/people/erase",
            new { email = person.Email.ToUpperInvariant(), reason = "the person asked for erasure by mail" });
        status.ShouldBe(HttpStatusCode.OK, people.ToString());
        // The two erased already no longer carry the address, so the person's erasure finds the other two.
        people.GetProperty("requests").EnumerateArray().Select(r => $"{r.GetProperty("requestId").GetString()} {r.GetProperty("alreadyErased").GetBoolean()}")
            .Order(StringComparer.Ordinal)
            .ShouldBe(new[] { ids.Expired, ids.Cancelled }.Select(id => $"{id} False").Order(StringComparer.Ordinal));
        var again = await EraseAsync(ids.Closed, "checking that nothing is left");
        again.GetProperty("alreadyErased").GetBoolean().ShouldBeTrue();
        JsonSerializer.Deserialize<Dictionary<string, int>>(again.GetProperty("erased").GetRawText())!.Values.ShouldAllBe(n => n == 0, again.ToString());
        var erasing = clock.Elapsed;

        var after = await scan.RunAsync(Ct);
        Report(ran, erasing, before, after);
        after.TotalMatches.ShouldBe(0, string.Join(Environment.NewLine, after.Where));
        (await host.AdminCountsAsync()).ShouldBe(counts);
        (await host.ImpactDataAsync()).ShouldBe(impact);
        await ErasedRequestsStillShowAsync(host, ids);
        var audit = (await host.AdminGetAsync("/api/admin/audit")).GetProperty("items").EnumerateArray().ToList();
        audit.Select(a => a.GetProperty("action").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["erase-person", "erase-request", "erase-request"]);
        audit.ShouldAllBe(a => a.GetProperty("actor").GetString() == "admin-key");
        audit.Single(a => a.GetProperty("action").GetString() == "erase-person").GetProperty("requestIds").GetArrayLength().ShouldBe(2);
    }

    private async Task<JsonElement> EraseAsync(string requestId, string reason)
    {
        var (status, body) = await host.AdminPostAsync($"/api/admin/requests/{requestId}/erase", new { reason });
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>The admin still sees every erased request where it was, with roles and statuses and without its texts.</summary>
    internal static async Task ErasedRequestsStillShowAsync(ProofHost host, FinalStateRequests ids)
    {
        foreach (var (id, status) in new[] { (ids.Closed, "Closed"), (ids.Rejected, "Rejected"), (ids.Expired, "Expired"), (ids.Cancelled, "Cancelled") })
        {
            var listed = (await host.AdminGetAsync($"/api/admin/requests?status={status}")).GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("requestId").GetString() == id);
            (listed.GetProperty("title").GetString(), listed.GetProperty("organization").GetString()).ShouldBe(("(erased)", ""));
            var detail = await host.AdminGetAsync($"/api/admin/requests/{id}");
            detail.GetProperty("status").GetString().ShouldBe(status);
            detail.GetProperty("request").GetProperty("erasedAt").ValueKind.ShouldBe(JsonValueKind.String);
            detail.TryGetProperty("orchestration", out var orchestration).ShouldBeFalse(orchestration.ToString());
            var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
            timeline.ShouldContain(t => t.GetProperty("action").GetString() == "personal data erased");
            timeline.Select(t => t.GetProperty("actor").GetString()).ShouldAllBe(a => a == "requester" || a == "reviewer" || a == "partner"
                || a == "admin" || a == "system" || a == "sendgrid");
        }
    }

    internal static void Report(TimeSpan ran, TimeSpan erasing, ScanResult before, ScanResult after)
    {
        var text = $"workflows to their final status: {ran.TotalSeconds:F1} s; erasure: {erasing.TotalSeconds:F1} s{Environment.NewLine}"
            + $"scan before: {before}{Environment.NewLine}scan after: {after}";
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        TestContext.Current.SendDiagnosticMessage(text);
        // Kept beside the test assembly as well, where the reliability suite keeps its figures.
        var figures = Path.Combine(AppContext.BaseDirectory, "TestResults", "privacy-figures.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(figures)!);
        File.AppendAllText(figures, $"{DateTimeOffset.UtcNow:u} {TestContext.Current.TestCase?.TestCaseDisplayName}{Environment.NewLine}{text}{Environment.NewLine}");
    }
}
