using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace WgeoFlows.Tests.Notifications;

/// <summary>
/// Answers like SendGrid's POST /v3/mail/send on a free loopback port: 202 by default, or the statuses queued with
/// <see cref="AnswerNext"/>, or no answer at all (<see cref="HangNext"/>). Keeps every request it got, so a test can count
/// the mails and read what was sent.
/// </summary>
public sealed class SendGridSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly ConcurrentQueue<TimeSpan> _hangs = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly Task _loop;

    public SendGridSink()
    {
        Url = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedMail> Received => _received.ToList();

    public void AnswerNext(HttpStatusCode status) => _answers.Enqueue(status);

    /// <summary>The next request gets no answer for <paramref name="hangFor"/>, then its connection is dropped.</summary>
    public void HangNext(TimeSpan hangFor) => _hangs.Enqueue(hangFor);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            _received.Enqueue(new ReceivedMail(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"], JsonDocument.Parse(body).RootElement.Clone()));
            if (_hangs.TryDequeue(out var hangFor))
            {
                await Task.Delay(hangFor);
                context.Response.Abort();
                continue;
            }
            var status = _answers.TryDequeue(out var queued) ? queued : HttpStatusCode.Accepted;
            context.Response.StatusCode = (int)status;
            if (status != HttpStatusCode.Accepted)
            {
                var error = """{"errors":[{"message":"sink says no","field":null,"help":null}]}"""u8.ToArray();
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(error);
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record ReceivedMail(string Method, string Path, string? Authorization, JsonElement Body);
