using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Shared;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.Retention;

/// <summary>A partner or reviewer who left the registries: the keyed hash of their address, their role, and when they left.</summary>
public sealed record RemovedContact(string Key, string Role, DateTimeOffset RemovedAt, ETag ETag);

/// <summary>
/// Partners and reviewers removed from the registries (a partner deleted, a reviewer left out of the list an admin puts), in
/// the partition "removed-contact" of <see cref="TableNames.Audit"/>: RK = HMAC-SHA256 of the lower-case address with the
/// link signing key (<c>Links:SigningKey</c>), so the table holds no address, and nobody without the key can test a guessed
/// address against it; the role; and when they left (a second removal of the same address moves the time on).
/// <para>
/// Why a list rather than erasing at once: a finished request's timeline and mails say who reviewed it and who was offered
/// it, which the secretariat needs while it keeps the request at all. Once <c>Privacy:RetainFor</c> has passed since the
/// removal, the retention job replaces these addresses by their role in the finished requests still kept
/// (<see cref="RetentionJob"/>), and the entry goes. Requests that finished before the removal are erased whole by then
/// anyway. If the signing key is rotated, the entries written under the old key no longer match any address.
/// </para>
/// </summary>
public sealed class RemovedContacts(StorageClients storage, IOptions<LinkOptions> links, TimeProvider clock) : IContactRemovals
{
    public const string Partition = "removed-contact";

    private TableClient Table => storage.Table(TableNames.Audit);

    public Task PartnerRemovedAsync(string email, CancellationToken cancellationToken = default) =>
        RecordAsync(email, PersonRoles.Partner, cancellationToken);

    public Task ReviewerRemovedAsync(string email, CancellationToken cancellationToken = default) =>
        RecordAsync(email, PersonRoles.Reviewer, cancellationToken);

    public string KeyOf(string email) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(links.Value.SigningKey),
        Encoding.UTF8.GetBytes("removed-contact|" + EmailAddresses.Normalize(email))))[..32];

    /// <summary>The removals made at or before <paramref name="removedBefore"/>: a filter inside the one partition, which holds
    /// one row per removed person still to handle.</summary>
    public async Task<IReadOnlyList<RemovedContact>> DueAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var due = new List<RemovedContact>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RemovedAt le {removedBefore}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(new RemovedContact(row.RowKey, row.GetString("Role") ?? PersonRoles.Person, row.GetDateTimeOffset("RemovedAt") ?? default, row.ETag));
        }
        return due;
    }

    /// <summary>Drops a handled removal, unless the same address was removed again since it was read (its time moved on).</summary>
    public async Task ForgetAsync(RemovedContact contact, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, contact.Key, contact.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or removed again: the newer removal waits for its own time.
        }
    }

    private async Task RecordAsync(string email, string role, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        await storage.EnsureCreatedAsync();
        await Table.UpsertEntityAsync(new TableEntity(Partition, KeyOf(email)) { ["Role"] = role, ["RemovedAt"] = clock.GetUtcNow() },
            TableUpdateMode.Replace, cancellationToken);
    }
}
