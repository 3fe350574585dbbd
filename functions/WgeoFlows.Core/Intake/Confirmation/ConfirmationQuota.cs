using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Storage;

namespace WgeoFlows.Intake.Confirmation;

/// <summary>
/// How many confirmation mails an address has been sent today, across all instances: one row per address and UTC day in
/// <see cref="TableNames.ConfirmationQuota"/> (PK = HMAC-SHA256 of the lower-cased address with the link signing key, so
/// that the table holds no address; RK = "yyyy-MM-dd"), counted up with ETag concurrency. A slot is taken on the request
/// path before anything of the submission is stored; over the limit nothing is stored at all.
/// </summary>
public sealed class ConfirmationQuota(StorageClients storage, IOptions<IntakeOptions> intake, IOptions<LinkOptions> links, TimeProvider clock)
{
    private TableClient Table => storage.Table(TableNames.ConfirmationQuota);

    public static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string KeyOf(string email) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(links.Value.SigningKey),
        Encoding.UTF8.GetBytes("confirm|" + email.Trim().ToLowerInvariant())))[..32];

    /// <summary>Takes one of today's slots of <paramref name="email"/>: null when taken, else how long until a slot frees
    /// (the next UTC day).</summary>
    public async Task<TimeSpan?> TryTakeAsync(string email, CancellationToken cancellationToken = default)
    {
        var max = intake.Value.Confirmation.MaxPerAddressPerDay;
        var now = clock.GetUtcNow();
        var untilTomorrow = now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
        if (max <= 0) return untilTomorrow;
        await storage.EnsureCreatedAsync();
        var (partition, row) = (KeyOf(email), DayOf(now));
        for (var attempt = 0; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await Table.AddEntityAsync(new TableEntity(partition, row) { ["Count"] = 1 }, cancellationToken);
                    return null;
                }
                var entity = existing.Value;
                var count = entity.GetInt32("Count") ?? 0;
                if (count >= max) return untilTomorrow;
                entity["Count"] = count + 1;
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                // Another delivery to the same address counted at the same moment: read again and count on top of it.
            }
        }
    }

    /// <summary>Deletes every day's count of <paramref name="email"/> (its rows hold no address, but they are still about the
    /// person). Returns how many rows went.</summary>
    public async Task<int> ForgetAsync(string email, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyOf(email)}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted by another erasure of the same person.
            }
        }
        return deleted;
    }

    /// <summary>Today's count of <paramref name="email"/> (tests, support).</summary>
    public async Task<int> CountAsync(string email, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(KeyOf(email), DayOf(clock.GetUtcNow()), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is not null ? row.Value.GetInt32("Count") ?? 0 : 0;
    }
}
