using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// A stand-in for SendGrid that takes each mail/send request in whole and never answers: the host's SendEmail activity
/// hangs inside the SendGrid call, where a kill then catches it. Each request's messageKey custom arg is reported once
/// its body has fully arrived, so a test knows the host is waiting on the answer.
/// </summary>
public sealed class SilentMailServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Lock _heldLock = new();
    private readonly TaskCompletionSource<string> _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;
    private int _received;

    public SilentMailServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>What to configure as <c>SendGrid:Host</c>.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many mail/send requests arrived whole (and were left unanswered).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>The messageKey of the first mail/send request that arrived whole.</summary>
    public Task<string> FirstArrival => _firstArrived.Task;

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
            lock (_heldLock) _held.Add(client);
            _ = ReadRequestAsync(client);
        }
    }

    private async Task ReadRequestAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var received = new MemoryStream();
            var buffer = new byte[8192];
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                received.Write(buffer, 0, read);
            }
            var headers = Encoding.ASCII.GetString(received.GetBuffer(), 0, headerEnd);
            var length = ContentLength(headers);
            while (received.Length < headerEnd + 4 + length)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                received.Write(buffer, 0, read);
            }
            var body = Encoding.UTF8.GetString(received.GetBuffer(), headerEnd + 4, length);
            Interlocked.Increment(ref _received);
            _firstArrived.TrySetResult(MessageKeyOf(body));
            // Nothing is written back: the connection stays open until the host dies or the server is disposed.
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The host was killed while its request was held, or the test is over.
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException)
        {
            _firstArrived.TrySetException(new InvalidOperationException("The host sent a mail/send request that is not SendGrid's.", e));
        }
    }

    private static int IndexOfHeaderEnd(MemoryStream received)
    {
        var bytes = received.GetBuffer().AsSpan(0, (int)received.Length);
        return bytes.IndexOf("\r\n\r\n"u8);
    }

    private static int ContentLength(string headers) => headers.Split("\r\n")
        .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
        .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
        .FirstOrDefault();

    private static string MessageKeyOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("custom_args").GetProperty("messageKey").GetString() ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_heldLock)
        {
            foreach (var client in _held) client.Dispose();
        }
        _stop.Dispose();
    }
}
