using System.Collections.Concurrent;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// A <see cref="StorageRelay"/> in front of one Azurite service that keeps the request line ("GET /devstoreaccount1/…") of
/// every request a host sends through it, unescaped: what a job that writes nothing still leaves to see — the rows it
/// reads each time it runs.
/// </summary>
public sealed class StorageRequestLines : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StorageRelay _relay;

    public StorageRequestLines(int targetPort) => _relay = new StorageRelay(targetPort, observe: () => new RequestLineReader(
        line => _lines.Enqueue(Uri.UnescapeDataString(line.TrimEnd()))));

    public int Port => _relay.Port;

    /// <summary>How many requests so far had a request line that <paramref name="match"/> takes.</summary>
    public int Count(Func<string, bool> match) => _lines.Count(match);

    public ValueTask DisposeAsync() => _relay.DisposeAsync();
}
