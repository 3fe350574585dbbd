using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Shared;
using WgeoFlows.Storage;

namespace WgeoFlows.Review.Reviewers;

/// <summary>
/// Addresses whose last mail did not arrive (a bounce or a drop not followed by a delivery), so that the dashboard can warn
/// about a platform whose reviewers cannot be reached. In the partition "bounced-address" of <see cref="TableNames.AdminIndex"/>:
/// RK = HMAC-SHA256 of the lower-case address with the link signing key, so the table holds no address and a guessed one
/// cannot be tested without the key; the row holds only when and how. A later delivery to the address removes it, and so
/// does its removal from the reviewers (a reviewer whose address was corrected starts clean).
/// </summary>
public sealed class BouncedAddresses(StorageClients storage, IOptions<LinkOptions> links)
{
    public const string Partition = "bounced-address";

    private TableClient Table => storage.Table(TableNames.AdminIndex);

    public string KeyOf(string email) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(links.Value.SigningKey),
        Encoding.UTF8.GetBytes("bounced-address|" + EmailAddresses.Normalize(email))))[..32];

    /// <summary>Records that a mail to <paramref name="email"/> bounced or was dropped (<paramref name="state"/>) at <paramref name="at"/>.</summary>
    public async Task MarkUndeliveredAsync(string email, string state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        await storage.EnsureCreatedAsync();
        await Table.UpsertEntityAsync(new TableEntity(Partition, KeyOf(email)) { ["State"] = state, ["At"] = at }, TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Forgets the address's bounce: a mail to it was delivered since, or it left the reviewers.</summary>
    public async Task ForgetAsync(string email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        await storage.EnsureCreatedAsync();
        try
        {
            await Table.DeleteEntityAsync(Partition, KeyOf(email), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never bounced, or forgotten already.
        }
    }

    /// <summary>Which of <paramref name="emails"/> are recorded as undelivered: one read of the partition, which holds a row per
    /// address whose last mail did not arrive (few; a delivery or a removal takes a row away).</summary>
    public async Task<IReadOnlySet<string>> WhichBouncedAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var byKey = emails.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(KeyOf, e => e, StringComparer.Ordinal);
        var bounced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (byKey.Count == 0) return bounced;
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (byKey.TryGetValue(row.RowKey, out var email)) bounced.Add(email);
        }
        return bounced;
    }
}
