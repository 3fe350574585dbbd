using Azure.Data.Tables;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.Audit;

/// <summary>
/// The audit entries, in the partition "audit" of <see cref="TableNames.Audit"/>, RK = inverted time + entry id: a page of
/// the newest entries is one partition read. Erasures are rare (admins' requests, and at most one a request from the
/// retention job), so one partition holds years of them. An entry is written once and never changed.
/// </summary>
public sealed class AuditStore(StorageClients storage)
{
    public const string Partition = "audit";
    /// <summary>Request ids kept on one entry; a person with more requests than this is an unlikely case, and the counts
    /// stay whole.</summary>
    public const int MaxRequestIds = 500;
    public const int MaxReasonChars = 2_000;

    private TableClient Table => storage.Table(TableNames.Audit);

    public async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var inverted = NewestFirst.Key(entry.At);
        await Table.UpsertEntityAsync(new TableEntity(Partition, $"{inverted}|{entry.Id}")
        {
            ["Id"] = entry.Id,
            ["At"] = entry.At,
            ["Actor"] = SplitText.Bounded(entry.Actor, 200),
            ["Action"] = entry.Action,
            ["Reason"] = SplitText.Bounded(entry.Reason, MaxReasonChars),
            ["RequestIds"] = string.Join(';', entry.RequestIds.Take(MaxRequestIds)),
            ["Requests"] = entry.RequestIds.Count,
            ["RowsChanged"] = entry.Erased.RowsChanged,
            ["RowsDeleted"] = entry.Erased.RowsDeleted,
            ["BlobsDeleted"] = entry.Erased.BlobsDeleted,
            ["InstancesPurged"] = entry.Erased.InstancesPurged,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>One page, newest first: one storage request reading at most <paramref name="pageSize"/> rows.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, string? Continuation)> ListAsync(int pageSize, string? continuation,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var pages = Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: pageSize,
            cancellationToken: cancellationToken).AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, pageSize);
        await foreach (var page in pages)
        {
            return (page.Values.Select(FromEntity).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    private static AuditEntry FromEntity(TableEntity e) => new(
        e.GetString("Id") ?? "",
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Actor") ?? "",
        e.GetString("Action") ?? "",
        e.GetString("Reason") ?? "",
        (e.GetString("RequestIds") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries),
        new ErasureCounts(e.GetInt32("RowsChanged") ?? 0, e.GetInt32("RowsDeleted") ?? 0, e.GetInt32("BlobsDeleted") ?? 0,
            e.GetInt32("InstancesPurged") ?? 0));
}
