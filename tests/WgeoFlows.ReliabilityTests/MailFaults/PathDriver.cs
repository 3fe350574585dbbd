using System.Net;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.MailFaults;

/// <summary>
/// Plays every person of many requests at once, from the sink's mailbox: the reviewer approves each review request and
/// the partner accepts each offer, once per link (a duplicate mail carries a link to the same stage), until every request
/// is Closed. One mailbox read per round instead of one poll per request, and a pause only after a round that found
/// nothing to do, so the driver itself does not load the host.
/// </summary>
public sealed class PathDriver(WgeoClient client)
{
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly List<string> _refusedAnswers = [];

    /// <summary>Answers that were not 200 (a link of a stage that was already decided, which must not happen here).</summary>
    public IReadOnlyList<string> RefusedAnswers => _refusedAnswers;

    /// <returns>The requests still not Closed at <paramref name="deadline"/> (none when all were).</returns>
    public async Task<IReadOnlyList<string>> RunUntilClosedAsync(IReadOnlyCollection<string> requestIds, DateTime deadline)
    {
        var open = new HashSet<string>(requestIds, StringComparer.Ordinal);
        while (open.Count > 0 && DateTime.UtcNow < deadline)
        {
            var answered = 0;
            foreach (var mail in await SinkRecords.MailsAsync(client.Http))
            {
                if (!open.Contains(mail.RequestId)) continue;
                if (mail.MessageKey.StartsWith("review|", StringComparison.Ordinal)) answered += await AnswerOnceAsync(mail, "review", ("decision", "approve"));
                else if (mail.MessageKey.StartsWith("offer|", StringComparison.Ordinal)) answered += await AnswerOnceAsync(mail, "offer", ("response", "accept"));
            }
            var openBefore = open.Count;
            open.ExceptWith(await ClosedAsync());
            // The poll interval of a mailbox that had nothing new: the next mails come from workflows under way (their
            // retries wait seconds), so reading the whole mailbox again at once would only load the host.
            if (open.Count > 0 && answered == 0 && open.Count == openBefore) await Task.Delay(IdleInterval, TestContext.Current.CancellationToken);
        }
        return [.. open];
    }

    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    /// <returns>1 when the mail's link was answered now, 0 when it had been before.</returns>
    private async Task<int> AnswerOnceAsync(StoredMail mail, string kind, (string, string) field)
    {
        if (!_answered.Add($"{mail.RequestId}|{mail.MessageKey}")) return 0;
        var sinkMail = new SinkMail(mail.Id, mail.To, mail.Subject, mail.Text, "", default);
        using var response = await client.PostFormAsync(WgeoClient.LinkIn(sinkMail, kind), field);
        if (response.StatusCode != HttpStatusCode.OK) _refusedAnswers.Add($"{mail.RequestId} {mail.MessageKey}: {(int)response.StatusCode}");
        return 1;
    }

    private async Task<IEnumerable<string>> ClosedAsync()
    {
        var page = await client.AdminGetAsync("/api/admin/requests?status=Closed&pageSize=200");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetString()!);
    }
}
