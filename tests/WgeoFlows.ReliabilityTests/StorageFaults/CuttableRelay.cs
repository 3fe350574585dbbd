using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WgeoFlows.Tests.StorageFaults;

/// <summary>
/// A loopback TCP relay in front of one storage endpoint that can cut every connection at once, the way an outage
/// does: requests storage has already served lose their answers. Answers are relayed <c>answerDelay</c> late, so that
/// at any moment some served requests are still waiting for theirs — without it, whether an outage catches a dequeue
/// between storage and the host is a matter of luck, and so is whether the test sees what that does to a workflow.
/// While cut, it refuses connections.
/// </summary>
public sealed class CuttableRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly TimeSpan _answerDelay;
    /// <summary>Open connections: the host's side and storage's side of each.</summary>
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    public CuttableRelay(int targetPort, TimeSpan answerDelay)
    {
        _targetPort = targetPort;
        _answerDelay = answerDelay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Drops every open connection, and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var host in _open.Keys)
        {
            if (_open.TryRemove(host, out var storage))
            {
                Reset(host);
                Reset(storage);
            }
        }
    }

    public void Restore() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _disposed.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            var host = await _listener.AcceptTcpClientAsync(_disposed.Token);
            if (_cut)
            {
                Reset(host);
                continue;
            }
            _ = RelayAsync(host);
        }
    }

    private async Task RelayAsync(TcpClient host)
    {
        var storage = new TcpClient();
        try
        {
            await storage.ConnectAsync(IPAddress.Loopback, _targetPort, _disposed.Token);
        }
        catch (SocketException)
        {
            host.Dispose();
            storage.Dispose();
            return;
        }
        _open[host] = storage;
        await Task.WhenAny(
            PumpAsync(host.GetStream(), storage.GetStream(), TimeSpan.Zero),
            PumpAsync(storage.GetStream(), host.GetStream(), _answerDelay));
        if (_open.TryRemove(host, out _))
        {
            host.Dispose();
            storage.Dispose();
        }
    }

    /// <summary>Closes with a reset, as a connection does when the other side is gone, not with an orderly goodbye.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        client.Dispose();
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, TimeSpan delay)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _disposed.Token);
                if (read == 0) return;
                if (delay > TimeSpan.Zero) await Task.Delay(delay, _disposed.Token);
                await to.WriteAsync(buffer.AsMemory(0, read), _disposed.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Cut, closed by either side, or disposed: the relay of this connection ends.
        }
    }
}
