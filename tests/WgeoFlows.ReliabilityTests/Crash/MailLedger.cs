using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// What a request's outbox promised against what the mail sink received. The sink keeps each mail's SendGrid custom_args
/// (requestId, messageKey); one send to several recipients arrives as one mail per recipient, so a delivery is counted
/// per (message key, recipient). The outbox rows "mail|{key}" are read straight from the requests table.
/// </summary>
public sealed class MailLedger
{
    private MailLedger(IReadOnlyList<SinkDelivery> deliveries, IReadOnlyList<OutboxEmail> outbox)
    {
        Deliveries = deliveries;
        Outbox = outbox;
    }

    /// <summary>Every mail the sink received for the request.</summary>
    public IReadOnlyList<SinkDelivery> Deliveries { get; }

    public IReadOnlyList<OutboxEmail> Outbox { get; }

    public int DistinctKeys => Deliveries.Select(d => d.MessageKey).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Each (message key, recipient) the sink received more than once, with how often.</summary>
    public IReadOnlyList<string> Duplicates => Deliveries
        .GroupBy(d => (d.MessageKey, d.Recipient))
        .Where(g => g.Count() > 1)
        .Select(g => $"{g.Key.MessageKey} to {g.Key.Recipient} ×{g.Count()}")
        .ToList();

    /// <summary>Outbox rows SendGrid never accepted.</summary>
    public IReadOnlyList<string> Unsent => Outbox.Where(e => e.State == EmailState.Pending)
        .Select(e => $"{e.MessageKey} (attempts {e.Attempts}, {e.LastError})").ToList();

    /// <summary>(message key, recipient) pairs the outbox marked sent that the sink never received.</summary>
    public IReadOnlyList<string> Lost => Outbox.Where(e => e.State != EmailState.Pending)
        .SelectMany(e => e.To.Select(to => (e.MessageKey, Recipient: to)))
        .Where(p => !Deliveries.Any(d => d.MessageKey == p.MessageKey && d.Recipient == p.Recipient))
        .Select(p => $"{p.MessageKey} to {p.Recipient}")
        .ToList();

    /// <summary>Outbox rows that needed more than one attempt (a retry, or a run again after a crash).</summary>
    public int Retried => Outbox.Count(e => e.Attempts > 1);

    public static async Task<MailLedger> ReadAsync(HttpClient host, string storageConnectionString, string requestId)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var mails = await host.GetFromJsonAsync<List<SinkMailWithArgs>>("/dev/mail", JsonSerializerOptions.Web, cancellationToken) ?? [];
        var deliveries = mails
            .Where(m => m.CustomArgs.GetValueOrDefault("requestId") == requestId)
            .SelectMany(m => m.To.Select(to => new SinkDelivery(m.CustomArgs.GetValueOrDefault("messageKey") ?? "", to, m.Subject, m.ReceivedAt)))
            .ToList();
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = storageConnectionString }));
        var outbox = await new EmailOutboxStore(storage).ListForRequestAsync(requestId, cancellationToken);
        return new MailLedger(deliveries, outbox);
    }

    /// <summary>One line for the figures file.</summary>
    public string Describe() =>
        $"{Deliveries.Count} mails, {DistinctKeys} distinct message keys, {Duplicates.Count} duplicates, "
        + $"{Outbox.Count} outbox rows ({Retried} sent after more than one attempt)";

    private sealed record SinkMailWithArgs(IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt,
        Dictionary<string, string> CustomArgs);
}

public sealed record SinkDelivery(string MessageKey, string Recipient, string Subject, DateTimeOffset ReceivedAt);
