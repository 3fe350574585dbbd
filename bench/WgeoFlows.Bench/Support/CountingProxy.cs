using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace WgeoFlows.Bench.Support;

/// <summary>
/// A loopback TCP forwarder in front of one Azurite service that counts the HTTP requests passing through it:
/// it counts request lines (" HTTP/1.1\r\n") in the client-to-server stream. This counts the storage requests of a
/// whole separate process (the local host), which a pipeline policy in this process cannot see. Each request is also
/// counted under its kind — method and resource, e.g. "POST Requests" or "GET wgeoflows-control-NN/messages" — to show
/// where storage's work goes.
/// </summary>
public sealed partial class CountingProxy : IAsyncDisposable
{
    private static readonly byte[] RequestLineEnd = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
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

    /// <summary>A copy of the counts per kind of request so far.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

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
        var line = new byte[4096];
        var lineLength = 0;
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
                        if (lineLength == line.Length)
                        {
                            // A long body without line breaks: keep the newer half, which holds any request line to come.
                            Array.Copy(line, line.Length / 2, line, 0, line.Length / 2);
                            lineLength = line.Length / 2;
                        }
                        line[lineLength++] = buffer[i];
                        if (matched == RequestLineEnd.Length)
                        {
                            Interlocked.Increment(ref _requests);
                            _byKind.AddOrUpdate(KindOf(Encoding.ASCII.GetString(line, 0, lineLength)), 1, (_, n) => n + 1);
                            matched = 0;
                        }
                        if (buffer[i] == (byte)'\n') lineLength = 0;
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
        var resource = segments.Length switch
        {
            0 => "/",
            1 => segments[0],
            _ => string.Join('/', segments.Skip(1)),
        };
        return (inBatch ? "in $batch: " : "") + method + " " + Digits().Replace(resource.Split('(', 2)[0], "N");
    }

    [GeneratedRegex("[A-Z]+$")]
    private static partial Regex Method();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
