using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using WgeoFlows.Testing;

namespace WgeoFlows.Bench.Support;

/// <summary>
/// A <see cref="StorageRelay"/> in front of one Azurite service that counts the HTTP requests passing through it: it
/// counts request lines (" HTTP/1.1\r\n") in the client-to-server stream. This counts the storage requests of a whole
/// separate process (the local host), which a pipeline policy in this process cannot see. Each request is also counted
/// under its kind — method and resource, e.g. "POST Requests" or "GET wgeoflows-control-NN/messages" — to show where
/// storage's work goes.
/// </summary>
public sealed partial class CountingProxy : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly StorageRelay _relay;
    private long _requests;

    public CountingProxy(int targetPort) => _relay = new StorageRelay(targetPort, observe: () => new RequestLineReader(Count));

    public int Port => _relay.Port;
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>A copy of the counts per kind of request so far.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _relay.DisposeAsync();

    private void Count(string captured)
    {
        Interlocked.Increment(ref _requests);
        _byKind.AddOrUpdate(KindOf(captured), 1, (_, n) => n + 1);
    }

    /// <summary>"POST /devstoreaccount1/Requests HTTP/1.1" → "POST Requests"; numbers in names become N (queue partitions).
    /// The captured text may start with the end of the previous request's body.</summary>
    private static string KindOf(string captured)
    {
        var end = captured.LastIndexOf(" HTTP/1.1", StringComparison.Ordinal);
        if (end < 0) return "?";
        var head = captured[..end];
        var space = head.LastIndexOf(' ');
        if (space < 0) return "?";
        var method = Method().Match(head[..space]).Value;
        var target = head[(space + 1)..];
        // An operation inside a table $batch names its absolute URL: count it under its table, marked as such.
        var inBatch = target.StartsWith("http", StringComparison.Ordinal);
        if (inBatch) target = new Uri(target).AbsolutePath;
        var segments = target.Split('?', 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Past the account and the table, queue or container, names differ per request (a blob's name, a message's id):
        // they are folded so that the requests of one kind count together.
        var resource = segments.Length switch
        {
            0 => "/",
            1 => segments[0],
            2 => segments[1],
            _ => segments[1] + "/" + (segments[^1] == "messages" ? "messages" : "…"),
        };
        return (inBatch ? "in $batch: " : "") + method + " " + Digits().Replace(resource.Split('(', 2)[0], "N");
    }

    [GeneratedRegex("[A-Z]+$")]
    private static partial Regex Method();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

}
