using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WgeoFlows.Bench.Support;

/// <summary>
/// A loopback TCP forwarder in front of one Azurite service that counts the HTTP requests passing through it:
/// it counts request lines (" HTTP/1.1\r\n") in the client-to-server stream. This counts the storage requests of a
/// whole separate process (the local host), which a pipeline policy in this process cannot see.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly byte[] RequestLineEnd = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private long _requests;

    public CountingProxy(int targetPort)
    {
        _target = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }
    public long Requests => Interlocked.Read(ref _requests);

    private async Task AcceptLoopAsync()
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
            catch (ObjectDisposedException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            client.NoDelay = true;
            server.NoDelay = true;
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), count: true);
                var down = PumpAsync(server.GetStream(), client.GetStream(), count: false);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A closed connection ends its forwarding; the client sees it as the server would have shown it.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool count)
    {
        var buffer = new byte[64 * 1024];
        var matched = 0;
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (count)
                {
                    for (var i = 0; i < read; i++)
                    {
                        // Partial matches carry over reads, so a request line split across two reads still counts.
                        matched = buffer[i] == RequestLineEnd[matched] ? matched + 1 : (buffer[i] == RequestLineEnd[0] ? 1 : 0);
                        if (matched == RequestLineEnd.Length)
                        {
                            Interlocked.Increment(ref _requests);
                            matched = 0;
                        }
                    }
                }
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
