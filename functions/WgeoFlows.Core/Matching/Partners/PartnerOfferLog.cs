using System.Globalization;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Matching.Partners;

/// <summary>One offer made to a partner: the request, the offer's stage and when it was made.</summary>
public sealed record PartnerOffer(string RequestId, string StageKey, string Title, DateTimeOffset At);

/// <summary>
/// The offers made to each partner, for the partner's page in the dashboard: rows in the partners table under the
/// partition "offers|{partnerId}" (never the registry's partition, so listing partners never reads them), RK = inverted
/// time + request + stage, so one partition read gives the newest first. The row's key follows from the offer alone,
/// so a retried offer activity writes the same row again instead of a second one.
/// </summary>
public sealed class PartnerOfferLog(StorageClients storage)
{
    public const string PartitionPrefix = "offers|";
    public const int MaxListed = 50;

    private TableClient Table => storage.Table(TableNames.Partners);

    public async Task RecordAsync(string partnerId, PartnerOffer offer, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - offer.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
            + "|" + offer.RequestId + "|" + offer.StageKey;
        var entity = new TableEntity(PartitionPrefix + partnerId, rowKey)
        {
            ["RequestId"] = offer.RequestId,
            ["StageKey"] = offer.StageKey,
            ["Title"] = offer.Title,
            ["At"] = offer.At,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The newest <paramref name="count"/> offers made to the partner: one storage request.</summary>
    public async Task<IReadOnlyList<PartnerOffer>> RecentAsync(string partnerId, int count = 20, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        count = Math.Clamp(count, 1, MaxListed);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionPrefix + partnerId}");
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, maxPerPage: count, cancellationToken: cancellationToken).AsPages(pageSizeHint: count))
        {
            return [.. page.Values.Select(e => new PartnerOffer(e.GetString("RequestId") ?? "", e.GetString("StageKey") ?? "",
                e.GetString("Title") ?? "", e.GetDateTimeOffset("At") ?? default))];
        }
        return [];
    }
}
