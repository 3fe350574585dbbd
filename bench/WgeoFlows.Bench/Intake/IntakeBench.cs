using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using WgeoFlows.Bench.Support;
using WgeoFlows.Intake;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Bench.Intake;

/// <summary>
/// Issue 9.1 and 9.5: accepted signed submissions per second and p50/p99 at concurrency 1, 8 and 32 against a real local
/// host on its own Azurite, beside raw single-entity inserts on the same Azurite at the same concurrency; storage requests
/// per accepted submission (counted in a second pass, by forwarders in front of Azurite, idle rate subtracted); and the
/// host's resident memory idle and under this load.
/// Targets: ≥ 0.35 of the raw insert rate at 32, p99 &lt; 100 ms at 8, &lt; 300 MB resident idle.
/// </summary>
public static class IntakeBench
{
    private const string Secret = "bench-webhook-secret";
    private static readonly int[] Concurrencies = [1, 8, 32];

    public static async Task RunAsync()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var azuritePid = ProcessMemory.FindByPort("azurite", azurite.TablePort, "--tablePort");
        var idleCpuPerSecond = await TimedAsync(azurite, azuritePid);
        await CountedAsync(azurite, azuritePid, idleCpuPerSecond);
    }

    private static Task<LocalHostProcess> StartHostAsync(string connectionString) => LocalHostProcess.StartAsync(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Intake:WebhookSecret"] = Secret,
        ["Admin:ApiKey"] = "bench-admin-key",
        ["Admin:NotifyEmails:0"] = "secretariat@example.org",
    });

    /// <summary>
    /// The timed pass: the host talks to Azurite directly, as it does in Azure; counting forwarders in between cost the
    /// intake 10–25% (ADR 0006), so storage requests are counted in a pass of their own (<see cref="CountedAsync"/>).
    /// </summary>
    /// <returns>Azurite's CPU per second while the host idles, in ms.</returns>
    private static async Task<double> TimedAsync(AzuriteInstance azurite, int azuritePid)
    {
        await using var host = await StartHostAsync(azurite.ConnectionString);
        var pid = ProcessMemory.FindByPort("WgeoFlows.Local", host.Port);
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleRss = ProcessMemory.ResidentBytes(pid);
        // Azurite's CPU while the host idles (queue polling, leases): "quiet" means back near it.
        var idleWindow = TimeSpan.FromSeconds(5);
        var idleCpu0 = ProcessMemory.CpuTime(azuritePid);
        await Task.Delay(idleWindow);
        var idleCpuPerSecond = (ProcessMemory.CpuTime(azuritePid) - idleCpu0).TotalMilliseconds / idleWindow.TotalSeconds;

        var pathWrites = new PathWrites(azurite.ConnectionString);
        await pathWrites.EnsureCreatedAsync();
        var sequence = 0;
        var warm = await DriveAsync(8, 40, _ => SubmitAsync(http, Interlocked.Increment(ref sequence)));
        var rows = new List<string[]>();
        var cpuRows = new List<string[]>();
        var peakRss = idleRss;
        var quietWaits = new List<string>();
        foreach (var concurrency in Concurrencies)
        {
            var count = concurrency == 1 ? 60 : concurrency * 12;
            // The baselines and the intake each start from a quiet host: the workflows started by the previous round's
            // submissions have finished their first steps (they wait for a reviewer), so no round pays for another's work.
            quietWaits.Add(Report.Number((await QuietAsync(azuritePid, idleCpuPerSecond)).TotalSeconds, "F0") + " s");
            var rawCpu0 = ProcessMemory.CpuTime(azuritePid);
            var raw = await RawInsertsAsync(azurite, concurrency, count);
            var rawAzuriteCpu = (ProcessMemory.CpuTime(azuritePid) - rawCpu0).TotalMilliseconds / count;
            var writes = pathWrites.Prepare(count, "path" + concurrency.ToString(CultureInfo.InvariantCulture));
            var pathCpu0 = ProcessMemory.CpuTime(azuritePid);
            var path = await DriveAsync(concurrency, count, i => writes[i]());
            var pathAzuriteCpu = (ProcessMemory.CpuTime(azuritePid) - pathCpu0).TotalMilliseconds / count;

            var (hostCpu0, azuriteCpu0) = (ProcessMemory.CpuTime(pid), ProcessMemory.CpuTime(azuritePid));
            using var sampling = new CancellationTokenSource();
            var sampler = SamplePeakAsync(pid, sampling.Token);
            var ours = await DriveAsync(concurrency, count, _ => SubmitAsync(http, Interlocked.Increment(ref sequence)));
            await sampling.CancelAsync();
            peakRss = Math.Max(peakRss, await sampler);
            var hostCpu = (ProcessMemory.CpuTime(pid) - hostCpu0).TotalMilliseconds / ours.Accepted;
            var azuriteCpu = (ProcessMemory.CpuTime(azuritePid) - azuriteCpu0).TotalMilliseconds / ours.Accepted;
            // The whole cost of a submission: its request path, its dispatch and its workflow's first steps, up to the review wait.
            var drained = await QuietAsync(azuritePid, idleCpuPerSecond);
            var drainedCpu = ((ProcessMemory.CpuTime(pid) - hostCpu0) + (ProcessMemory.CpuTime(azuritePid) - azuriteCpu0)).TotalMilliseconds
                / ours.Accepted;
            cpuRows.Add([concurrency.ToString(CultureInfo.InvariantCulture), Report.Ms(hostCpu), Report.Ms(azuriteCpu),
                Report.Ms(pathAzuriteCpu), Report.Ms(rawAzuriteCpu), Report.Number(azuriteCpu / rawAzuriteCpu, "F1") + "×",
                Report.Number(drained.TotalSeconds, "F0") + " s", Report.Ms(drainedCpu)]);
            var ratio = ours.PerSecond / raw.PerSecond;
            var target = concurrency switch
            {
                32 => ratio >= 0.35 ? "met (≥ 0.35)" : $"MISSED (≥ 0.35; {Report.Number(ratio / 0.35 * 100, "F0")}% of it)",
                8 => ours.P99Ms < 100 ? "met (p99 < 100 ms)" : $"MISSED (p99 < 100 ms; {Report.Ms(ours.P99Ms - 100)} over)",
                _ => "",
            };
            rows.Add([concurrency.ToString(CultureInfo.InvariantCulture), $"{ours.Accepted}/{count}",
                Report.Number(ours.PerSecond), Report.Ms(ours.P50Ms), Report.Ms(ours.P99Ms),
                Report.Number(path.PerSecond), Report.Ms(path.P99Ms), Report.Number(path.PerSecond / raw.PerSecond, "F2"),
                Report.Number(raw.PerSecond), Report.Ms(raw.P50Ms), Report.Ms(raw.P99Ms), Report.Number(ratio, "F2"), target]);
        }
        Report.Table("Intake: accepted signed submissions vs raw single-entity Azurite inserts (targets: ratio ≥ 0.35 at 32, p99 < 100 ms at 8)",
            ["concurrency", "accepted", "intake /s", "intake p50", "intake p99", "path writes /s", "path writes p99", "path writes ratio",
             "raw inserts /s", "raw p50", "raw p99", "ratio", "target"], rows);
        Console.WriteLine();
        Console.WriteLine("The host talks to Azurite directly in this pass. Path writes: the webhook path's own storage write (the inbox row: " +
            "claim, record and the sample's small attachment inline) made by the product's store straight to Azurite from the benchmark " +
            "process, without HTTP, validation, dispatch or workflow work; 'path writes ratio' is their rate over the raw inserts'. " +
            $"Each round waited for the host to go quiet first (Azurite's CPU back near its idle {Report.Number(idleCpuPerSecond, "F0")} ms/s): " +
            $"{string.Join(", ", quietWaits)}. Warm-up: {warm.Accepted} accepted.");
        Console.WriteLine();
        Report.Table("Where the time goes: CPU per accepted submission (host and Azurite, /proc), beside Azurite's CPU per path write and per " +
            "raw insert; all of the host's and Azurite's work in the intake window, including dispatches and started workflows; then the " +
            "same until the host is quiet again, i.e. each submission's whole first leg up to the review wait",
            ["concurrency", "host CPU", "Azurite CPU", "Azurite CPU per path write", "Azurite CPU per raw insert",
             "Azurite CPU ratio", "until quiet", "host + Azurite CPU until quiet"], cpuRows);

        await Task.Delay(TimeSpan.FromSeconds(5));
        Report.Table("Memory: local host resident set (VmRSS) (target: < 300 MB idle)",
            ["idle after start", "peak under intake load", "idle after load", "target"],
            [[Report.Bytes(idleRss), Report.Bytes(peakRss), Report.Bytes(ProcessMemory.ResidentBytes(pid)),
              idleRss < 300L * 1024 * 1024 ? "met" : $"MISSED by {Report.Bytes(idleRss - 300L * 1024 * 1024)}"]]);
        return idleCpuPerSecond;
    }

    /// <summary>
    /// The counted pass: a fresh host on the same Azurite, through forwarders that count each storage request by kind,
    /// takes 60 submissions one at a time; per accepted submission: the requests in the intake window (idle rate
    /// subtracted) and until the host is quiet again.
    /// </summary>
    private static async Task CountedAsync(AzuriteInstance azurite, int azuritePid, double idleCpuPerSecond)
    {
        await using var blobs = new CountingProxy(azurite.BlobPort);
        await using var queues = new CountingProxy(azurite.QueuePort);
        await using var tables = new CountingProxy(azurite.TablePort);
        var counted = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteInstance.AccountName};AccountKey={AzuriteInstance.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobs.Port}/{AzuriteInstance.AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queues.Port}/{AzuriteInstance.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tables.Port}/{AzuriteInstance.AccountName};");
        await using var host = await StartHostAsync(counted);
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var sequence = 0;
        await DriveAsync(1, 5, _ => SubmitAsync(http, Interlocked.Increment(ref sequence)));

        // Idle storage traffic (queue polling, leases), measured once the warm-up is done, to subtract from the window.
        var idleWindow = TimeSpan.FromSeconds(5);
        await QuietAsync(azuritePid, idleCpuPerSecond);
        var (idleTables, idleBlobs) = (tables.Requests, blobs.Requests);
        await Task.Delay(idleWindow);
        var idleTableRate = (tables.Requests - idleTables) / idleWindow.TotalSeconds;
        var idleBlobRate = (blobs.Requests - idleBlobs) / idleWindow.TotalSeconds;
        await QuietAsync(tables, idleTableRate);

        var (t0, b0, q0) = (tables.Requests, blobs.Requests, queues.Requests);
        var kinds0 = AllKinds(tables, queues, blobs);
        var ours = await DriveAsync(1, 60, _ => SubmitAsync(http, Interlocked.Increment(ref sequence)));
        var seconds = ours.Elapsed.TotalSeconds;
        var tableCalls = (tables.Requests - t0 - idleTableRate * seconds) / ours.Accepted;
        var blobCalls = (blobs.Requests - b0 - idleBlobRate * seconds) / ours.Accepted;
        var queueCalls = (queues.Requests - q0) / (double)ours.Accepted;
        var drained = await QuietAsync(tables, idleTableRate);
        var drainedCalls = (tables.Requests - t0 + blobs.Requests - b0 + queues.Requests - q0) / (double)ours.Accepted;
        var kinds = AllKinds(tables, queues, blobs).Select(k => (Kind: k.Key, PerSubmission: (k.Value - kinds0.GetValueOrDefault(k.Key)) / (double)ours.Accepted))
            .Where(k => k.PerSubmission >= 0.05).OrderByDescending(k => k.PerSubmission).ToList();

        Console.WriteLine();
        Console.WriteLine($"Storage requests per accepted submission (a second host on the same Azurite, through counting forwarders, " +
            $"60 submissions one at a time, {ours.Accepted} accepted, intake p50 {Report.Ms(ours.P50Ms)} through the forwarders): in the intake " +
            $"window {Report.Number(tableCalls)} table + {Report.Number(blobCalls)} blob + {Report.Number(queueCalls)} queue (idle rate " +
            $"{Report.Number(idleTableRate)} table/s + {Report.Number(idleBlobRate)} blob/s subtracted; includes the dispatches and " +
            $"workflow steps that ran in the window); until quiet again ({Report.Number(drained.TotalSeconds, "F0")} s): " +
            $"{Report.Number(drainedCalls)} in all.");
        Console.WriteLine();
        Report.Table("Storage requests per accepted submission by kind (counted pass, until the host is quiet again: the request path, " +
            "its dispatch and its workflow's first steps up to the review wait; ≥ 0.05 shown; idle traffic not subtracted)",
            ["kind", "per submission"], kinds.Select(k => new[] { k.Kind, Report.Number(k.PerSubmission, "F2") }));
    }

    /// <summary>Waits until Azurite's CPU is back near its idle rate for two seconds running (at most 4 minutes).</summary>
    private static async Task<TimeSpan> QuietAsync(int azuritePid, double idleCpuPerSecond)
    {
        var waited = Stopwatch.StartNew();
        var quietSeconds = 0;
        var threshold = Math.Max(idleCpuPerSecond * 1.5, idleCpuPerSecond + 15);
        while (quietSeconds < 2 && waited.Elapsed < TimeSpan.FromMinutes(4))
        {
            var before = ProcessMemory.CpuTime(azuritePid);
            await Task.Delay(TimeSpan.FromSeconds(1));
            quietSeconds = (ProcessMemory.CpuTime(azuritePid) - before).TotalMilliseconds <= threshold ? quietSeconds + 1 : 0;
        }
        return waited.Elapsed;
    }

    /// <summary>Waits until the host's table traffic is back near its idle rate for two seconds running (at most 4 minutes).</summary>
    private static async Task<TimeSpan> QuietAsync(CountingProxy tables, double idleTableRate)
    {
        var waited = Stopwatch.StartNew();
        var quietSeconds = 0;
        while (quietSeconds < 2 && waited.Elapsed < TimeSpan.FromMinutes(4))
        {
            var before = tables.Requests;
            await Task.Delay(TimeSpan.FromSeconds(1));
            quietSeconds = tables.Requests - before <= idleTableRate + 3 ? quietSeconds + 1 : 0;
        }
        return waited.Elapsed;
    }

    private static Dictionary<string, long> AllKinds(params CountingProxy[] proxies)
    {
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var proxy in proxies)
        {
            foreach (var (kind, n) in proxy.ByKind) all[kind] = all.GetValueOrDefault(kind) + n;
        }
        return all;
    }

    private sealed record Load(int Accepted, TimeSpan Elapsed, double P50Ms, double P99Ms)
    {
        public double PerSecond => Accepted / Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="count"/> operations, <paramref name="concurrency"/> at a time; an operation says whether it succeeded.</summary>
    private static async Task<Load> DriveAsync(int concurrency, int count, Func<int, Task<bool>> operation)
    {
        var times = new double[count];
        var accepted = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                if (await operation(i)) Interlocked.Increment(ref accepted);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        var elapsed = clock.Elapsed;
        Array.Sort(times);
        return new Load(accepted, elapsed, Sampler.Percentile(times, 0.5), Sampler.Percentile(times, 0.99));
    }

    private static async Task<bool> SubmitAsync(HttpClient http, int sequence)
    {
        var payload = SamplePayloads.Valid($"bench-{Guid.NewGuid():N}-{sequence}");
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add("X-Wgeo-Timestamp", timestamp);
        message.Headers.Add("X-Wgeo-Signature", WebhookSignature.Compute(Secret, timestamp, body));
        using var response = await http.SendAsync(message);
        return response.IsSuccessStatusCode;
    }

    private static async Task<Load> RawInsertsAsync(AzuriteInstance azurite, int concurrency, int count)
    {
        var table = new TableClient(azurite.ConnectionString, "BenchRawInserts" + concurrency.ToString(CultureInfo.InvariantCulture));
        await table.CreateIfNotExistsAsync();
        var body = new string('x', 1500);
        return await DriveAsync(concurrency, count, async i =>
        {
            var entity = new TableEntity(Guid.NewGuid().ToString("N"), "row") { ["Body"] = body };
            var response = await table.AddEntityAsync(entity);
            return response.Status is >= 200 and < 300;
        });
    }

    private static async Task<long> SamplePeakAsync(int pid, CancellationToken cancellationToken)
    {
        long peak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            peak = Math.Max(peak, ProcessMemory.ResidentBytes(pid));
            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return peak;
    }
}
