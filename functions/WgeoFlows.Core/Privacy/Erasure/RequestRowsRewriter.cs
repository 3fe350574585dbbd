using Azure;
using Azure.Data.Tables;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// Rewrites the rows of a request's partition of <see cref="TableNames.Requests"/> (timeline, outbox, link stages, flags,
/// matches, engagements: everything but the record, which <see cref="RequestStore"/> writes) by a
/// <see cref="PersonalDataRewrite"/>. A row whose key names an address (an outbox row "mail|review|review-1-r0|name@…", its
/// timeline row) moves to a key with the role instead, in the same table transaction as the deletion of the old row: a
/// crash leaves the old row or the new one, never both and never neither, so the rewrite can simply run again. Rows are
/// replaced under the ETag they were read with; a row someone changed in between (a delivery event) makes the pass read
/// the partition again.
/// </summary>
public sealed class RequestRowsRewriter(StorageClients storage)
{
    /// <summary>A table transaction holds at most 100 operations, all in one partition.</summary>
    private const int MaxBatch = 100;
    private const int MaxAttempts = 5;

    private static readonly HashSet<string> ServiceProperties = new(StringComparer.Ordinal) { "odata.etag", "Timestamp", "PartitionKey", "RowKey" };

    private TableClient Table => storage.Table(TableNames.Requests);

    /// <summary>The rows of the request's partition, the record excepted.</summary>
    public async Task<IReadOnlyList<TableEntity>> ReadAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {requestId}"),
            cancellationToken: cancellationToken))
        {
            if (row.RowKey != RequestStore.RecordRowKey) rows.Add(row);
        }
        return rows;
    }

    /// <summary>Rewrites every row <paramref name="rewriteFor"/>'s rewrite changes, the rewrite made from the rows just read.
    /// Returns how many rows changed; a second run changes none.</summary>
    public async Task<int> RewriteAsync(string requestId, Func<IReadOnlyList<TableEntity>, PersonalDataRewrite> rewriteFor,
        CancellationToken cancellationToken = default)
    {
        var changed = 0;
        for (var attempt = 1; ; attempt++)
        {
            var rows = await ReadAsync(requestId, cancellationToken);
            var rewrite = rewriteFor(rows);
            var taken = rows.Select(r => r.RowKey).Append(RequestStore.RecordRowKey).ToHashSet(StringComparer.Ordinal);
            var units = new List<TableTransactionAction[]>();
            foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
            {
                if (Rewritten(row, rewrite) is not { } rewritten) continue;
                if (rewritten.RowKey == row.RowKey)
                {
                    units.Add([new(TableTransactionActionType.UpdateReplace, rewritten, row.ETag)]);
                    continue;
                }
                rewritten.RowKey = FreeKey(rewritten.RowKey, taken);
                units.Add([new(TableTransactionActionType.Delete, row, row.ETag), new(TableTransactionActionType.Add, rewritten)]);
            }
            try
            {
                foreach (var batch in Batches(units))
                {
                    await Table.SubmitTransactionAsync(batch.SelectMany(u => u), cancellationToken);
                    changed += batch.Count;
                }
                return changed;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // A row changed or went since it was read: read the partition again; the batches that went through stay done.
            }
        }
    }

    /// <summary>The row as <paramref name="rewrite"/> leaves it, or null when it changes nothing.</summary>
    internal static TableEntity? Rewritten(TableEntity row, PersonalDataRewrite rewrite)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (!ServiceProperties.Contains(name)) copy[name] = value;
        }
        var changed = rewrite.ErasesFreeText && EraseFreeText(copy, rewrite);
        foreach (var name in copy.Keys.ToList())
        {
            if (copy[name] is not string text) continue;
            var rewritten = rewrite.Text(text);
            if (rewritten == text) continue;
            copy[name] = rewritten;
            changed = true;
        }
        var key = rewrite.Key(row.RowKey);
        if (key != row.RowKey)
        {
            copy.RowKey = key;
            changed = true;
        }
        return changed ? copy : null;
    }

    /// <summary>
    /// Removes what people wrote, by the kind of row: a timeline row keeps its action and, for a status change, the status it
    /// names ("status Rejected"), its actor becoming a role; an outbox row loses its subject (it can repeat the title) and
    /// SendGrid's error text; a link stage its question and comment; a flag its detail.
    /// </summary>
    private static bool EraseFreeText(TableEntity row, PersonalDataRewrite rewrite)
    {
        var changed = false;
        void Remove(string name) => changed |= row.Remove(name);
        switch (row.RowKey[..(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)])
        {
            case TimelineStore.RowPrefix:
                if (row.GetString("Actor") is { } actor && rewrite.Actor(actor, row.RowKey[TimelineStore.RowPrefix.Length..]) is var role && role != actor)
                {
                    row["Actor"] = role;
                    changed = true;
                }
                // The erasure's own entry keeps its reason (cleaned of the person's name and addresses when it was written).
                if (row.GetString("Detail") is { } detail && row.RowKey != TimelineStore.RowPrefix + RequestEraser.ErasedEntryKey)
                {
                    if (StatusOnly(detail) is { } status)
                    {
                        if (status != detail)
                        {
                            row["Detail"] = status;
                            changed = true;
                        }
                    }
                    else
                    {
                        Remove("Detail");
                    }
                }
                break;
            case EmailOutboxStore.RowPrefix:
                Remove("Subject");
                Remove("LastError");
                break;
            case LinkStageStore.RowPrefix:
                Remove("Question");
                Remove("Comment");
                break;
            case AdminFlagStore.RowPrefix:
                Remove("Detail");
                break;
        }
        return changed;
    }

    /// <summary>"status Rejected" of "status Rejected: {the reviewer's comment}"; null for any other detail.</summary>
    internal static string? StatusOnly(string detail)
    {
        if (!detail.StartsWith("status ", StringComparison.Ordinal)) return null;
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? detail : detail[..colon];
    }

    /// <summary><paramref name="key"/>, or with "~2", "~3"… when a row has it already (two reviewers' mails of one round both
    /// become "mail|review|review-1-r0|reviewer").</summary>
    private static string FreeKey(string key, HashSet<string> taken)
    {
        var free = key;
        for (var n = 2; !taken.Add(free); n++) free = $"{key}~{n}";
        return free;
    }

    private static IEnumerable<List<TableTransactionAction[]>> Batches(List<TableTransactionAction[]> units)
    {
        var batch = new List<TableTransactionAction[]>();
        var size = 0;
        foreach (var unit in units)
        {
            if (size + unit.Length > MaxBatch)
            {
                yield return batch;
                batch = [];
                size = 0;
            }
            batch.Add(unit);
            size += unit.Length;
        }
        if (batch.Count > 0) yield return batch;
    }
}
