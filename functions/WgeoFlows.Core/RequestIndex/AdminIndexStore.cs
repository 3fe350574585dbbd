using Azure;
using Azure.Data.Tables;
using WgeoFlows.Shared.Resilience;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;

namespace WgeoFlows.RequestIndex;

/// <summary>
/// The admin list, kept ready to read: the same row in one partition per way of listing —
/// "all", "status|{status}", "platform|{platform}" and "sp|{status}|{platform}" — each keyed by inverted
/// submission time, so that any filter combination is one partition read of one page, newest first,
/// whatever the number of requests. A status change moves the status rows; the others are overwritten.
/// Each kind of listing has a table of its own (<see cref="AdminListing"/>): Azurite reads every row of a table to
/// answer a partition query, so a page now scans one listing's rows instead of four listings' and the counters'.
/// The dashboard's counters and waiting times are kept in the index table by <see cref="AdminStatsStore"/>, in the same write.
/// </summary>
public sealed class AdminIndexStore(StorageClients storage, RetryPipelines retries)
{
    private readonly AdminStatsStore _stats = new(storage, retries);

    private TableClient Table(AdminListing listing) => storage.Table(listing.Table);

    public static string RowKeyFor(DateTimeOffset submittedAt, string requestId) =>
        NewestFirst.Key(submittedAt) + "|" + requestId;

    /// <summary>Writes the item under every listing. <paramref name="previous"/> is the status it leaves, whose rows go.
    /// Idempotent: running it again with the same arguments leaves the same rows.</summary>
    public async Task RecordAsync(AdminIndexItem item, RequestStatus? previous, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var rowKey = RowKeyFor(item.SubmittedAt, item.RequestId);
        foreach (var (listing, row) in RowsOf(item))
        {
            await Table(listing).UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
        if (previous is { } old && old != item.Status)
        {
            foreach (var listing in new[] { AdminListing.ByStatus(old), AdminListing.ByStatusAndPlatform(old, item.Platform) })
            {
                try
                {
                    await Table(listing).DeleteEntityAsync(listing.Partition, rowKey, ETag.All, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Already moved by an earlier attempt.
                }
            }
        }
        await _stats.ApplyAsync(item, cancellationToken);
    }

    /// <summary>What an erased request's listing rows show instead of its title (its organisation shows blank).</summary>
    public const string ErasedTitle = "(erased)";

    /// <summary>Blanks the title and organisation of the request's listing rows (the rows of its current status and platform),
    /// keeping the rows so that listings and their counts hold. Returns how many rows changed; rows already blank or absent
    /// count for nothing, so running it again changes nothing.</summary>
    public async Task<int> EraseTextsAsync(string requestId, RequestStatus status, string platform, DateTimeOffset submittedAt,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var rowKey = RowKeyFor(submittedAt, requestId);
        var changed = 0;
        foreach (var listing in AdminListing.Of(status, platform))
        {
            var row = await Table(listing).GetEntityIfExistsAsync<TableEntity>(listing.Partition, rowKey, ["Title", "Organization"],
                cancellationToken);
            if (!row.HasValue || row.Value is null) continue;
            if (row.Value.GetString("Title") == ErasedTitle && string.IsNullOrEmpty(row.Value.GetString("Organization"))) continue;
            await Table(listing).UpdateEntityAsync(new TableEntity(listing.Partition, rowKey) { ["Title"] = ErasedTitle, ["Organization"] = "" },
                ETag.All, TableUpdateMode.Merge, cancellationToken);
            changed++;
        }
        return changed + await _stats.EraseSinceTitleAsync(requestId, cancellationToken);
    }

    /// <summary>One page, newest first. One storage request per call, reading at most <paramref name="pageSize"/> rows.</summary>
    public async Task<AdminIndexPage> ListAsync(RequestStatus? status, string? platform, int pageSize, string? continuation,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var listing = AdminListing.For(status, platform);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {listing.Partition}");
        var pages = Table(listing).QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, pageSize);
        await foreach (var page in pages)
        {
            return new AdminIndexPage(page.Values.Select(FromEntity).ToList(), page.ContinuationToken);
        }
        return new AdminIndexPage([], null);
    }

    /// <summary>The item's rows, one per listing, each with the listing it goes in (tests and the benchmark seed the
    /// listings in batches with these).</summary>
    internal static IEnumerable<(AdminListing Listing, TableEntity Row)> RowsOf(AdminIndexItem item)
    {
        var rowKey = RowKeyFor(item.SubmittedAt, item.RequestId);
        return AdminListing.Of(item.Status, item.Platform).Select(listing => (listing, ToEntity(listing.Partition, rowKey, item)));
    }

    private static TableEntity ToEntity(string partition, string rowKey, AdminIndexItem item) => new(partition, rowKey)
    {
        ["RequestId"] = item.RequestId,
        ["Title"] = item.Title,
        ["Organization"] = item.Organization,
        ["Platform"] = item.Platform,
        ["Country"] = item.Country,
        ["Status"] = item.Status.ToString(),
        ["SubmittedAt"] = item.SubmittedAt,
        ["UpdatedAt"] = item.UpdatedAt,
    };

    private static AdminIndexItem FromEntity(TableEntity e) => new(
        e.GetString("RequestId") ?? "",
        e.GetString("Title") ?? "",
        e.GetString("Organization") ?? "",
        e.GetString("Platform") ?? "",
        e.GetString("Country") ?? "",
        Enum.TryParse<RequestStatus>(e.GetString("Status"), out var s) ? s : RequestStatus.Received,
        e.GetDateTimeOffset("SubmittedAt") ?? default,
        e.GetDateTimeOffset("UpdatedAt") ?? default);
}
