using System.Net.Sockets;

namespace WgeoFlows.Local.Runtime;

/// <summary>The blob, queue and table endpoints a storage connection string points at.</summary>
public sealed record StorageEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    /// <summary>The endpoints of <c>UseDevelopmentStorage=true</c>: Azurite's default ports on loopback.</summary>
    public static readonly StorageEndpoints DevelopmentStorage = new(
        new Uri("http://127.0.0.1:10000/devstoreaccount1"),
        new Uri("http://127.0.0.1:10001/devstoreaccount1"),
        new Uri("http://127.0.0.1:10002/devstoreaccount1"));

    /// <summary>Reads the endpoints of a connection string; null when it names no explicit endpoints (an Azure account).</summary>
    public static StorageEndpoints? FromConnectionString(string connectionString)
    {
        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
        {
            return DevelopmentStorage;
        }
        if (parts.TryGetValue("BlobEndpoint", out var blob)
            && parts.TryGetValue("QueueEndpoint", out var queue)
            && parts.TryGetValue("TableEndpoint", out var table))
        {
            return new StorageEndpoints(new Uri(blob), new Uri(queue), new Uri(table));
        }
        return null;
    }

    public IEnumerable<Uri> All => [Blob, Queue, Table];

    /// <summary>True when every endpoint is on this machine, so that a local Azurite can serve them.</summary>
    public bool AreLoopback => All.All(u => u.IsLoopback);

    /// <summary>How many of the three endpoints accept a TCP connection right now.</summary>
    public async Task<int> CountAnsweringAsync(CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(All.Select(u => AcceptsConnectionAsync(u, cancellationToken)));
        return answers.Count(a => a);
    }

    private static async Task<bool> AcceptsConnectionAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
