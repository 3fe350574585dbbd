using System.Net;
using System.Net.Sockets;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// A loopback TCP forwarder in front of Azurite's queue service that can be frozen: from then on nothing the host sends
/// reaches the queues (the bytes are counted and dropped), while tables and blobs, reached directly, go on working. The
/// Durable Task backend records an activity as done through the queues, so a frozen gate lets an activity finish its own
/// table writes while its completion never lands — the window a crash between "SendGrid answered" and "done" falls in.
/// </summary>
public sealed class QueueGate : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _queuePort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _lock = new();
    private readonly Task _accepting;
    private volatile bool _frozen;
    private long _dropped;

    public QueueGate(int queuePort)
    {
        _queuePort = queuePort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes the host sent towards the queues while the gate was frozen (never delivered).</summary>
    public long DroppedBytes => Interlocked.Read(ref _dropped);

    public bool IsFrozen => _frozen;

    public void Freeze() => _frozen = true;

    /// <summary>Closes every connection (whatever they were in the middle of is lost) and lets new ones through again.</summary>
    public void Reopen()
    {
        lock (_lock)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
        _frozen = false;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        lock (_lock)
        {
            _connections.Add(client);
            _connections.Add(server);
        }
        try
        {
            client.NoDelay = server.NoDelay = true;
            await server.ConnectAsync(IPAddress.Loopback, _queuePort, _stop.Token);
            var up = PumpAsync(client.GetStream(), server.GetStream(), gated: true);
            var down = PumpAsync(server.GetStream(), client.GetStream(), gated: false);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A closed connection ends its forwarding.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool gated)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (gated && _frozen)
                {
                    Interlocked.Add(ref _dropped, read);
                    continue;
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Reopen();
        _stop.Dispose();
    }
}
