using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.RequestIndex;

/// <summary>Something about a request that an admin should look at (e.g. a mail that bounced).</summary>
public sealed record AdminFlag(string RequestId, string Kind, string Detail, DateTimeOffset At);

/// <summary>
/// Flags for admins, written twice: a row "flag|{kind}" in the request's own partition (the detail view reads it with
/// the rest of the request) and a row in the index partition "flags", keyed by inverted time of the first flag, so the
/// dashboard reads the newest flagged requests as one page.
/// </summary>
public sealed class AdminFlagStore(StorageClients storage)
{
    public const string RowPrefix = "flag|";
    public const string FlagsPartition = "flags";
    public const int MaxDetailChars = 4_000;

    public const string MailUndelivered = "mail-undelivered";
    /// <summary>The request waits in review because its platform has no primary reviewer; cleared when a reviewer takes it on.</summary>
    public const string ReviewerMissing = "reviewer-missing";

    private TableClient Requests => storage.Table(TableNames.Requests);
    private TableClient Index => storage.Table(TableNames.AdminIndex);

    /// <summary>Raises (or refreshes) a flag. The index row keeps the time the request was first flagged with this kind.</summary>
    public async Task RaiseAsync(AdminFlag flag, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var existing = await Requests.GetEntityIfExistsAsync<TableEntity>(flag.RequestId, RowPrefix + flag.Kind, cancellationToken: cancellationToken);
        var firstAt = existing.HasValue ? existing.Value!.GetDateTimeOffset("At") ?? flag.At : flag.At;
        await Requests.UpsertEntityAsync(new TableEntity(flag.RequestId, RowPrefix + flag.Kind)
        {
            ["Kind"] = flag.Kind,
            ["Detail"] = SplitText.Bounded(flag.Detail, MaxDetailChars),
            ["At"] = firstAt,
            ["LastAt"] = flag.At,
        }, TableUpdateMode.Replace, cancellationToken);
        await Index.UpsertEntityAsync(new TableEntity(FlagsPartition, IndexRowKey(firstAt, flag.RequestId, flag.Kind))
        {
            ["RequestId"] = flag.RequestId,
            ["Kind"] = flag.Kind,
            ["Detail"] = SplitText.Bounded(flag.Detail, MaxDetailChars),
            ["At"] = firstAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Clears a flag an admin has dealt with: the request's row and its index row. False when it was not raised.</summary>
    public async Task<bool> ClearAsync(string requestId, string kind, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var existing = await Requests.GetEntityIfExistsAsync<TableEntity>(requestId, RowPrefix + kind, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is null) return false;
        var firstAt = existing.Value.GetDateTimeOffset("At") ?? default;
        // The index row first: a flag whose request row is gone but whose index row stayed would show and never clear.
        await Index.DeleteEntityAsync(FlagsPartition, IndexRowKey(firstAt, requestId, kind), ETag.All, cancellationToken);
        await Requests.DeleteEntityAsync(requestId, RowPrefix + kind, ETag.All, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<AdminFlag>> ListForRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"flag}"}");
        var flags = new List<AdminFlag>();
        await foreach (var e in Requests.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            flags.Add(new AdminFlag(requestId, e.GetString("Kind") ?? "", e.GetString("Detail") ?? "", e.GetDateTimeOffset("LastAt") ?? default));
        }
        return flags;
    }

    /// <summary>Blanks the details of the request's rows in the "flags" partition (a bounce's detail names the address and
    /// SendGrid's reason); the rows stay, so the dashboard still shows that the request was flagged. The request's own flag
    /// rows are its partition's, rewritten with the rest of it. Returns how many rows changed.</summary>
    public async Task<int> EraseIndexDetailsAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var changed = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"flag}"}");
        await foreach (var flag in Requests.QueryAsync<TableEntity>(filter, select: ["Kind", "At"], cancellationToken: cancellationToken))
        {
            var rowKey = IndexRowKey(flag.GetDateTimeOffset("At") ?? default, requestId, flag.GetString("Kind") ?? "");
            var row = await Index.GetEntityIfExistsAsync<TableEntity>(FlagsPartition, rowKey, ["Detail"], cancellationToken);
            if (!row.HasValue || row.Value is null || string.IsNullOrEmpty(row.Value.GetString("Detail"))) continue;
            await Index.UpdateEntityAsync(new TableEntity(FlagsPartition, rowKey) { ["Detail"] = "" }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            changed++;
        }
        return changed;
    }

    /// <summary>The most recently flagged requests: one query reading at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<AdminFlag>> NewestAsync(int take, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FlagsPartition}");
        await foreach (var page in Index.QueryAsync<TableEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken).AsPages(pageSizeHint: take))
        {
            return page.Values.Take(take).Select(e => new AdminFlag(e.GetString("RequestId") ?? "", e.GetString("Kind") ?? "",
                e.GetString("Detail") ?? "", e.GetDateTimeOffset("At") ?? default)).ToList();
        }
        return [];
    }

    private static string IndexRowKey(DateTimeOffset at, string requestId, string kind) =>
        NewestFirst.Key(at) + "|" + requestId + "|" + kind;
}
