using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using WgeoFlows.Shared;
using WgeoFlows.Storage;

namespace WgeoFlows.Intake.Held;

/// <summary>
/// Held deliveries in <see cref="TableNames.Held"/>: the record (PK "held", RK id) and, while it waits for an admin, a row
/// in the "needs attention" list (PK "open", RK id) with what the list shows, so that listing reads only the deliveries
/// that still need attention, never all that were ever held. The raw body is the blob "{id}.json" in
/// <see cref="TableNames.HeldContainer"/>, written before the record (a record never points at a missing body) and deleted
/// once the delivery is released or discarded. The record stays, without personal data, so that a redelivery of the same
/// submission is recognised and a second release or discard is answered as the first.
/// </summary>
public sealed class HeldDeliveryStore(StorageClients storage)
{
    public const string RecordPartition = "held";
    public const string OpenPartition = "open";
    /// <summary>The stored field errors stay far inside a string property's 64 KiB (32 K UTF-16 characters).</summary>
    public const int MaxErrorFields = 40, MaxMessageLength = 400, MaxSummaryLength = 300;

    private readonly Lock _gate = new();
    private Task? _containerCreated;

    private TableClient Table => storage.Table(TableNames.Held);
    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(TableNames.HeldContainer);

    /// <summary>Keeps <paramref name="delivery"/> and its raw body; false (and nothing written) when a delivery with this id
    /// is held already, in any state.</summary>
    public async Task<bool> TryHoldAsync(HeldDelivery delivery, byte[] rawBody, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        if (await GetAsync(delivery.Id, cancellationToken) is { } existing)
        {
            // A crash between the record and its list row left it off the list: put it back.
            if (existing.State == HeldState.Held) await Table.UpsertEntityAsync(OpenRow(existing), TableUpdateMode.Replace, cancellationToken);
            return false;
        }
        await Container.GetBlobClient(delivery.BlobName).UploadAsync(new BinaryData(rawBody), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        }, cancellationToken);
        try
        {
            await Table.AddEntityAsync(Record(delivery), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // Another delivery of the same submission, at the same moment: it keeps the same bytes.
        }
        await Table.UpsertEntityAsync(OpenRow(delivery), TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task<HeldDelivery?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(RecordPartition, id, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is not null ? Read(row.Value) : null;
    }

    /// <summary>The deliveries that need attention, newest first: one partition query over them only.</summary>
    public async Task<IReadOnlyList<HeldDelivery>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var items = new List<HeldDelivery>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == OpenPartition, cancellationToken: cancellationToken))
        {
            items.Add(Read(row));
        }
        return items.OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The raw body as delivered, or null once it was deleted.</summary>
    public async Task<byte[]?> ReadBodyAsync(HeldDelivery delivery, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Container.GetBlobClient(delivery.BlobName).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Records the admin's answer (released or discarded), drops the personal summary, takes it off the list
    /// and deletes its raw body. Each step can run again.</summary>
    public async Task CloseAsync(HeldDelivery closed, CancellationToken cancellationToken = default)
    {
        var record = Record(closed with { Organization = null, ContactEmail = null, Title = null });
        await Table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
        await DeleteOpenRowAsync(closed.Id, cancellationToken);
        await Container.GetBlobClient(closed.BlobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the field errors (after a release the validator refused again) or the notice time.</summary>
    public async Task UpdateAsync(HeldDelivery delivery, CancellationToken cancellationToken = default)
    {
        await Table.UpsertEntityAsync(Record(delivery), TableUpdateMode.Replace, cancellationToken);
        if (delivery.State == HeldState.Held) await Table.UpsertEntityAsync(OpenRow(delivery), TableUpdateMode.Replace, cancellationToken);
    }

    private async Task DeleteOpenRowAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(OpenPartition, id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>The field errors as stored: at most <see cref="MaxErrorFields"/> fields, each message shortened.</summary>
    public static Dictionary<string, string[]> Bounded(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Take(MaxErrorFields).ToDictionary(e => Echo.Cut(e.Key, MaxMessageLength)!, e => e.Value.Take(5).Select(m => Echo.Cut(m, MaxMessageLength)!).ToArray());

    private static TableEntity Record(HeldDelivery d) => Entity(RecordPartition, d);

    private static TableEntity OpenRow(HeldDelivery d) => Entity(OpenPartition, d);

    private static TableEntity Entity(string partition, HeldDelivery d) => new(partition, d.Id)
    {
        ["Source"] = d.Source,
        ["SubmissionId"] = d.SubmissionId,
        ["ReceivedAt"] = d.ReceivedAt,
        ["State"] = d.State.ToString(),
        ["Errors"] = JsonSerializer.Serialize(Bounded(d.Errors), WgeoJson.Options),
        ["Organization"] = Echo.Cut(d.Organization, MaxSummaryLength),
        ["ContactEmail"] = Echo.Cut(d.ContactEmail, MaxSummaryLength),
        ["Title"] = Echo.Cut(d.Title, MaxSummaryLength),
        ["NotifiedAt"] = d.NotifiedAt,
        ["RequestId"] = d.RequestId,
        ["DecidedAt"] = d.DecidedAt,
        ["DecidedBy"] = Echo.Cut(d.DecidedBy, MaxSummaryLength),
        ["Reason"] = d.Reason,
    };

    private static HeldDelivery Read(TableEntity e) => new(
        e.RowKey,
        e.GetString("Source") ?? "",
        e.GetString("SubmissionId") ?? "",
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        Enum.TryParse<HeldState>(e.GetString("State"), out var state) ? state : HeldState.Held,
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(e.GetString("Errors") ?? "{}", WgeoJson.Options) ?? [],
        e.GetString("Organization"),
        e.GetString("ContactEmail"),
        e.GetString("Title"),
        e.GetDateTimeOffset("NotifiedAt"),
        e.GetString("RequestId"),
        e.GetDateTimeOffset("DecidedAt"),
        e.GetString("DecidedBy"),
        e.GetString("Reason"));

    private async Task EnsureCreatedAsync()
    {
        await storage.EnsureCreatedAsync();
        Task created;
        lock (_gate)
        {
            if (_containerCreated is null || _containerCreated.IsFaulted || _containerCreated.IsCanceled)
                _containerCreated = Container.CreateIfNotExistsAsync();
            created = _containerCreated;
        }
        await created;
    }
}
