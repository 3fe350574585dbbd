using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Matching.Offers;

/// <summary>
/// Which partners hold a unit of capacity for a request: rows "engagement|{partnerId}" in the request's partition,
/// written when a unit is taken and removed when it is given back. The partner row knows its engagements; this is
/// the other direction, so that a cancelled request can give back every unit it holds without scanning partners.
/// </summary>
public sealed class EngagementStore(StorageClients storage)
{
    public const string RowPrefix = "engagement|";

    private TableClient Table => storage.Table(TableNames.Requests);

    public async Task RecordAsync(string requestId, string partnerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        await Table.UpsertEntityAsync(new TableEntity(requestId, RowPrefix + partnerId) { ["PartnerId"] = partnerId, ["At"] = at },
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string requestId, string partnerId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync(requestId, RowPrefix + partnerId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already given back.
        }
    }

    public async Task<IReadOnlyList<string>> ListPartnersAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"engagement}"}");
        var partners = new List<string>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["PartnerId"], cancellationToken: cancellationToken))
        {
            partners.Add(e.GetString("PartnerId") ?? e.RowKey[RowPrefix.Length..]);
        }
        return partners;
    }
}
