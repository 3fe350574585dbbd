using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace WgeoFlows.Bench.Workflows;

/// <summary>
/// Watches the local host's mail sink table directly (the host's /dev/mail returns the whole mailbox on every call,
/// which at hundreds of requests would load the host more than the workflows do), reading only mails newer than the
/// last poll, and hands each waiter the mails about its request (mails name their request id in the text).
/// </summary>
public sealed partial class MailWatcher : IAsyncDisposable
{
    private const string MailTable = "WgeoDevMail";
    private readonly TableClient _table;
    private readonly Dictionary<string, List<BenchMail>> _byRequest = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MailWatcher(string connectionString)
    {
        _table = new TableClient(connectionString, MailTable);
        _polling = PollAsync();
    }

    public async Task<BenchMail> WaitAsync(string requestId, Func<BenchMail, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_byRequest)
            {
                if (_byRequest.TryGetValue(requestId, out var mails) && mails.FirstOrDefault(match) is { } found) return found;
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No awaited mail about {requestId} within {timeout}.");
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public IReadOnlyList<BenchMail> About(string requestId)
    {
        lock (_byRequest) return _byRequest.TryGetValue(requestId, out var mails) ? mails.ToList() : [];
    }

    private async Task PollAsync()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // Row keys are inverted receive times: newer mails have smaller keys. Re-read a margin and de-duplicate by id.
                var bound = (DateTimeOffset.MaxValue.UtcTicks - since.AddSeconds(-5).UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
                var newest = since;
                var fresh = new List<BenchMail>();
                await foreach (var e in _table.QueryAsync<TableEntity>($"PartitionKey eq 'mail' and RowKey lt '{bound}'",
                    select: ["Id", "To", "Subject", "Text", "ReceivedAt"], cancellationToken: _stop.Token))
                {
                    var id = e.GetString("Id") ?? "";
                    var receivedAt = e.GetDateTimeOffset("ReceivedAt") ?? since;
                    if (receivedAt > newest) newest = receivedAt;
                    if (!_seen.Add(id)) continue;
                    fresh.Add(new BenchMail(id, e.GetString("To") ?? "", e.GetString("Subject") ?? "", e.GetString("Text") ?? ""));
                }
                since = newest;
                if (fresh.Count > 0)
                {
                    lock (_byRequest)
                    {
                        foreach (var mail in fresh)
                        {
                            foreach (var requestId in RequestIdPattern().Matches(mail.Text).Select(m => m.Value).Distinct())
                            {
                                if (!_byRequest.TryGetValue(requestId, out var list)) _byRequest[requestId] = list = [];
                                list.Add(mail);
                            }
                        }
                        _changed.TrySetResult();
                        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // No mail sent yet: the sink creates its table with the first mail.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await Task.Delay(300, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }

    [GeneratedRegex(@"WG-[A-Z0-9]{5}-[A-Z0-9]{5}")]
    private static partial Regex RequestIdPattern();
}

public sealed record BenchMail(string Id, string To, string Subject, string Text);
