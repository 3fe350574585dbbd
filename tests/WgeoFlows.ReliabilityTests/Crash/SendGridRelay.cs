using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// What the host's <c>SendGrid:Host</c> points at in the mid-send crash tests: it passes each mail/send request on to the
/// host's own mail sink and its answer back, unless armed for the next request to either be held (taken in whole, never
/// passed on, never answered: the host hangs inside the SendGrid call) or be answered by the sink and then, before the
/// answer reaches the host, run a step of the test (freezing the storage queues). One request per connection.
/// </summary>
public sealed class SendGridRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _sink = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _lock = new();
    private readonly Task _accepting;
    private Armed? _next;

    public SendGridRelay()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>What to configure as <c>SendGrid:Host</c>.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The host whose <c>/v3/mail/send</c> (its mail sink) requests are passed on to; set once it runs.</summary>
    public Uri? Sink { get; set; }

    /// <summary>The next mail/send request is held unanswered; completes with its messageKey once it arrived in whole.</summary>
    public Task<string> HoldNextAsync() => Arm(beforeAnswering: null);

    /// <summary>The next mail/send request goes to the sink; once the sink answered, <paramref name="beforeAnswering"/> runs,
    /// then the answer goes back to the host. Completes with the request's messageKey after that.</summary>
    public Task<string> AnswerNextThenAsync(Action beforeAnswering) => Arm(beforeAnswering);

    /// <summary>Forgets an arming no request used (a test that failed before its mail was sent).</summary>
    public void Disarm()
    {
        lock (_lock) _next = null;
    }

    private Task<string> Arm(Action? beforeAnswering)
    {
        var armed = new Armed(beforeAnswering, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock) _next = armed;
        return armed.Done.Task;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_lock) _connections.Add(connection);
            _ = RelayAsync(connection);
        }
    }

    private async Task RelayAsync(TcpClient connection)
    {
        Armed? armed = null;
        try
        {
            var stream = connection.GetStream();
            var (headers, body) = await ReadRequestAsync(stream);
            var messageKey = MessageKeyOf(body);
            lock (_lock) (armed, _next) = (_next, null);
            if (armed is { BeforeAnswering: null })
            {
                // Held: nothing is passed on or written back; the connection stays open until the host dies.
                armed.Done.TrySetResult(messageKey);
                return;
            }

            using var forward = new HttpRequestMessage(HttpMethod.Post, new Uri(Sink!, "/v3/mail/send")) { Content = new ByteArrayContent(body) };
            forward.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (headers.TryGetValue("Authorization", out var authorization)) forward.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var answer = await _sink.SendAsync(forward, _stop.Token);
            var answerBody = await answer.Content.ReadAsByteArrayAsync(_stop.Token);
            armed?.BeforeAnswering?.Invoke();

            var head = string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 {(int)answer.StatusCode} {answer.ReasonPhrase}\r\nContent-Type: application/json\r\nContent-Length: {answerBody.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(answerBody, _stop.Token);
            await stream.FlushAsync(_stop.Token);
            armed?.Done.TrySetResult(messageKey);
            connection.Dispose();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
        {
            // The host died while its request was relayed, or the test is over.
            armed?.Done.TrySetException(e);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException)
        {
            armed?.Done.TrySetException(new InvalidOperationException("The host sent a mail/send request that is not SendGrid's.", e));
        }
    }

    private async Task<(Dictionary<string, string> Headers, byte[] Body)> ReadRequestAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await ReadMoreAsync(stream, buffer, received);
        }
        var headers = Encoding.ASCII.GetString(received.GetBuffer(), 0, headerEnd).Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = int.Parse(headers["Content-Length"], CultureInfo.InvariantCulture);
        while (received.Length < headerEnd + 4 + length)
        {
            await ReadMoreAsync(stream, buffer, received);
        }
        return (headers, received.GetBuffer().AsSpan(headerEnd + 4, length).ToArray());
    }

    private async Task ReadMoreAsync(NetworkStream stream, byte[] buffer, MemoryStream received)
    {
        var read = await stream.ReadAsync(buffer, _stop.Token);
        if (read == 0) throw new IOException("The host closed the connection before its request was complete.");
        received.Write(buffer, 0, read);
    }

    private static string MessageKeyOf(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("custom_args").GetProperty("messageKey").GetString() ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_lock)
        {
            foreach (var connection in _connections) connection.Dispose();
        }
        _sink.Dispose();
        _stop.Dispose();
    }

    private sealed record Armed(Action? BeforeAnswering, TaskCompletionSource<string> Done);
}
