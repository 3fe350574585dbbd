using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WgeoFlows.Testing;

/// <summary>
/// A loopback TCP relay in front of one Azurite service, for tests and benchmarks that must see or disturb what a
/// separate process (the local host) sends to storage:
/// <list type="bullet">
/// <item><see cref="Freeze"/>: what the host sends is dropped (and counted), connections stay up — an activity finishes
/// its table writes while its completion, sent through the queues, never lands;</item>
/// <item><see cref="Cut"/>: every connection is reset and new ones are refused until <see cref="Restore"/> — an outage,
/// in which requests storage has already served lose their answers;</item>
/// <item>an answer delay, so that at any moment some served requests are still waiting for their answers (an outage then
/// catches them for sure, not by luck);</item>
/// <item>an observer of the bytes the host sends (the benchmarks count storage requests with it).</item>
/// </list>
/// </summary>
public sealed class StorageRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly TimeSpan _answerDelay;
    private readonly Func<IUpstreamObserver>? _observe;
    /// <summary>Open connections: the host's side and storage's side of each.</summary>
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _accepting;
    private volatile bool _cut;
    private volatile bool _frozen;
    private long _dropped;

    /// <param name="targetPort">The Azurite service's port.</param>
    /// <param name="answerDelay">How late storage's answers are passed on; zero for at once.</param>
    /// <param name="observe">Makes one observer per connection, shown every chunk the host sends on it, in order.</param>
    public StorageRelay(int targetPort, TimeSpan answerDelay = default, Func<IUpstreamObserver>? observe = null)
    {
        _targetPort = targetPort;
        _answerDelay = answerDelay;
        _observe = observe;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool IsFrozen => _frozen;

    /// <summary>Bytes the host sent while the relay was frozen (never delivered).</summary>
    public long DroppedBytes => Interlocked.Read(ref _dropped);

    /// <summary>From now on, what the host sends is dropped; storage's answers still flow.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>Resets every open connection, and refuses new ones until <see cref="Restore"/>.</summary>
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

    /// <summary>Accepts connections again and lets everything through (after <see cref="Cut"/> or <see cref="Freeze"/>).</summary>
    public void Restore()
    {
        _frozen = false;
        _cut = false;
    }

    /// <summary>Drops whatever the connections were in the middle of and lets everything through again.</summary>
    public void Reopen()
    {
        Cut();
        Restore();
    }

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
            TcpClient host;
            try
            {
                host = await _listener.AcceptTcpClientAsync(_disposed.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
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
            host.NoDelay = storage.NoDelay = true;
            await storage.ConnectAsync(IPAddress.Loopback, _targetPort, _disposed.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            host.Dispose();
            storage.Dispose();
            return;
        }
        _open[host] = storage;
        await Task.WhenAny(
            PumpAsync(host.GetStream(), storage.GetStream(), TimeSpan.Zero, _observe?.Invoke(), upstream: true),
            PumpAsync(storage.GetStream(), host.GetStream(), _answerDelay, observer: null, upstream: false));
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

    private async Task PumpAsync(NetworkStream from, NetworkStream to, TimeSpan delay, IUpstreamObserver? observer, bool upstream)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _disposed.Token);
                if (read == 0) return;
                if (upstream && _frozen)
                {
                    Interlocked.Add(ref _dropped, read);
                    continue;
                }
                observer?.Observe(buffer.AsSpan(0, read));
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

/// <summary>Sees the bytes one connection's client sends, chunk by chunk, in order.</summary>
public interface IUpstreamObserver
{
    void Observe(ReadOnlySpan<byte> chunk);
}
