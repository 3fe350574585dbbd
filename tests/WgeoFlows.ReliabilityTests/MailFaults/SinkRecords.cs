using System.Net.Http.Json;
using System.Text.Json;

namespace WgeoFlows.Tests.MailFaults;

/// <summary>A mail as the local sink stored it, with the outbox's ids SendGrid's custom_args carried.</summary>
public sealed record StoredMail(string Id, IReadOnlyList<string> To, string Subject, string Text, IReadOnlyDictionary<string, string> CustomArgs)
{
    public string RequestId => CustomArgs.GetValueOrDefault("requestId", "");
    public string MessageKey => CustomArgs.GetValueOrDefault("messageKey", "");
}

/// <summary>The sink's own count of what it did (GET /dev/mail/faults).</summary>
public sealed record SinkFaultCounts(double Share, int Seed, long Calls, long Stored, IReadOnlyDictionary<string, long> Faults)
{
    public long Of(string kind) => Faults.GetValueOrDefault(kind);
    public long Total => Faults.Values.Sum();
}

public static class SinkRecords
{
    public static async Task<IReadOnlyList<StoredMail>> MailsAsync(HttpClient http) =>
        await http.GetFromJsonAsync<List<StoredMail>>("/dev/mail", JsonSerializerOptions.Web, TestContext.Current.CancellationToken) ?? [];

    public static async Task<SinkFaultCounts> FaultsAsync(HttpClient http) =>
        await http.GetFromJsonAsync<SinkFaultCounts>("/dev/mail/faults", JsonSerializerOptions.Web, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("The sink answered no fault counts.");
}
