using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Intake.Submissions;

/// <summary>
/// One row per accepted submission in <see cref="TableNames.Submissions"/>: PK = "sub|NN" (16 shards by request id),
/// RK = the request id. The request id is a hash of the submission id, so adding the row is both the claim (a second
/// delivery's insert fails with 409) and, while <c>Pending</c> is true, the whole submission: the record as JSON and the
/// small attachments inline, in 64 KiB chunks. The dispatcher replaces it with the bare claim once the request record
/// and orchestration exist. The row is never deleted: a delivery that comes after the dispatch must still be told
/// "duplicate" or "conflict", not accepted again.
/// <para>Beside each pending claim, in the same partition and the same atomic batch, sits its index row,
/// RK = <c>p|{received ticks}|{request id}</c>; the dispatch deletes it in the batch that clears the claim. The sweep
/// reads the index rows' key range only, so it never reads a dispatched claim, however many the table holds.</para>
/// </summary>
public sealed class SubmissionInbox(StorageClients storage)
{
    public const int Shards = 16;
    /// <summary>Azure Tables keeps at most 64 KiB in a binary property.</summary>
    public const int ChunkBytes = 64 * 1024;
    /// <summary>Attachments up to this many bytes in total travel inline; larger ones are uploaded before the row is
    /// written. Well inside a row's 1 MiB, beside the record's JSON (at most about 60,000 characters at intake, see StorageJson).</summary>
    public const long InlineBudgetBytes = 256 * 1024;

    private TableClient Table => storage.Table(TableNames.Submissions);

    public static string PartitionOf(string requestId) => PartitionShards.Name("sub", PartitionShards.Of(requestId, Shards));

    /// <summary>The row key prefix of the pending index. Request ids never start with it (they read "WG-…").</summary>
    public const string PendingIndexPrefix = "p|";

    /// <summary>The index row's key: received time first (fixed-width ticks sort as time), so the sweep's "received before"
    /// is a key range too.</summary>
    public static string PendingIndexKey(string requestId, DateTimeOffset receivedAt) =>
        $"{PendingIndexPrefix}{receivedAt.UtcTicks:D19}|{requestId}";

    /// <summary>Adds the claim with its pending submission; false when the request id was claimed already.</summary>
    public async Task<bool> TryAddAsync(PendingSubmission pending, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var entity = Claim(pending.RequestId, pending.SubmissionId, pending.Fingerprint, pending.ReceivedAt);
        entity["Pending"] = true;
        SplitText.Write(entity, "Json", StorageJson.Serialize(pending.Request));
        entity["InlineCount"] = pending.Inline.Count;
        for (var i = 0; i < pending.Inline.Count; i++)
        {
            var a = pending.Inline[i];
            entity[$"A{i}Blob"] = a.BlobName;
            entity[$"A{i}Type"] = a.ContentType;
            var chunks = 0;
            for (var offset = 0; offset < a.Content.Length || chunks == 0; offset += ChunkBytes, chunks++)
            {
                entity[$"A{i}C{chunks}"] = a.Content.AsSpan(offset, Math.Min(ChunkBytes, a.Content.Length - offset)).ToArray();
            }
            entity[$"A{i}Chunks"] = chunks;
        }
        var index = new TableEntity(entity.PartitionKey, PendingIndexKey(pending.RequestId, pending.ReceivedAt))
        {
            ["RequestId"] = pending.RequestId,
        };
        try
        {
            // One batch: the claim and its index row exist together or not at all.
            await Table.SubmitTransactionAsync([new(TableTransactionActionType.Add, entity), new(TableTransactionActionType.Add, index)],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<InboxEntry?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(requestId), requestId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is not null ? Read(response.Value) : null;
    }

    /// <summary>The request as received, while its dispatch has not stored the record yet (the status page and the admin
    /// detail show it as Received in the moment between the 202 and the dispatch).</summary>
    public async Task<PendingSubmission?> GetPendingAsync(string requestId, CancellationToken cancellationToken = default) =>
        (await GetAsync(requestId, cancellationToken))?.Pending;

    /// <summary>The request ids still waiting for their dispatch, received before <paramref name="receivedBefore"/>.
    /// One query per shard, each a row-key range inside its partition (<c>PartitionKey eq 'sub|NN' and RowKey ge 'p|' and
    /// RowKey lt 'p|{ticks}'</c>): Azure serves it from the index rows alone, never reading a dispatched claim (ADR 0006,
    /// "The sweep's query"). Keys only; the dispatcher then reads each claim it takes.</summary>
    public async IAsyncEnumerable<string> PendingAsync(DateTimeOffset receivedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var upper = $"{PendingIndexPrefix}{receivedBefore.UtcTicks:D19}";
        for (var shard = 0; shard < Shards; shard++)
        {
            var partition = PartitionShards.Name("sub", shard);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PendingIndexPrefix} and RowKey lt {upper}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RequestId"], cancellationToken: cancellationToken))
            {
                if (row.GetString("RequestId") is { Length: > 0 } requestId) yield return requestId;
            }
        }
    }

    /// <summary>Marks the dispatch done: the row keeps only the claim (the inline bytes now live in Blob Storage) and its
    /// index row goes, in one batch. Doing it twice changes nothing: the second batch finds no index row (404) and the
    /// claim is written again alone.</summary>
    public async Task MarkDispatchedAsync(PendingSubmission pending, DateTimeOffset dispatchedAt, CancellationToken cancellationToken = default)
    {
        var entity = Claim(pending.RequestId, pending.SubmissionId, pending.Fingerprint, pending.ReceivedAt);
        entity["DispatchedAt"] = dispatchedAt;
        var index = new TableEntity(entity.PartitionKey, PendingIndexKey(pending.RequestId, pending.ReceivedAt));
        try
        {
            await Table.SubmitTransactionAsync([
                new(TableTransactionActionType.UpdateReplace, entity, ETag.All),
                new(TableTransactionActionType.Delete, index, ETag.All),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>
    /// Erases the personal data of a request's inbox row: a row still pending keeps its claim only (the record's JSON and
    /// the inline attachments go, and so does its index row, so the sweep never dispatches an erased submission); a dispatched
    /// claim holds none. The claim itself stays, so a late redelivery of the submission is answered as a duplicate and never
    /// accepted again. Returns how many rows changed or went: 0 when there was nothing to erase.
    /// </summary>
    public async Task<(int Changed, int Deleted)> EraseAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(requestId), requestId, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } row || !row.Keys.Any(IsPersonal)) return (0, 0);
        var receivedAt = row.GetDateTimeOffset("ReceivedAt") ?? default;
        // The index row first: a crash before the claim is rewritten leaves a claim that the next erasure finds, never an index
        // row that sends the sweep to a claim with nothing left to dispatch.
        var deleted = 0;
        var index = await Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, PendingIndexKey(requestId, receivedAt), ["RowKey"],
            cancellationToken);
        if (index.HasValue && index.Value is not null)
        {
            await Table.DeleteEntityAsync(row.PartitionKey, index.Value.RowKey, ETag.All, cancellationToken);
            deleted = 1;
        }
        var claim = Claim(requestId, row.GetString("SubmissionId") ?? "", row.GetString("Fingerprint") ?? "", receivedAt);
        if (row.GetDateTimeOffset("DispatchedAt") is { } dispatchedAt) claim["DispatchedAt"] = dispatchedAt;
        await Table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
        return (1, deleted);
    }

    /// <summary>The properties of an inbox row that carry the submission itself rather than its claim.</summary>
    private static bool IsPersonal(string property) =>
        property is "Pending" || property.StartsWith("Json", StringComparison.Ordinal)
        || (property.Length > 1 && property[0] == 'A' && char.IsAsciiDigit(property[1]));

    private static TableEntity Claim(string requestId, string submissionId, string fingerprint, DateTimeOffset receivedAt) =>
        new(PartitionOf(requestId), requestId)
        {
            ["SubmissionId"] = submissionId,
            ["RequestId"] = requestId,
            ["Fingerprint"] = fingerprint,
            ["ReceivedAt"] = receivedAt,
        };

    private static InboxEntry Read(TableEntity e)
    {
        var requestId = e.RowKey;
        var submissionId = e.GetString("SubmissionId") ?? "";
        var fingerprint = e.GetString("Fingerprint") ?? "";
        var receivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default;
        PendingSubmission? pending = null;
        if (e.GetBoolean("Pending") == true)
        {
            var request = StorageJson.Deserialize<SupportRequest>(SplitText.Read(e, "Json"))
                ?? throw new InvalidOperationException($"The inbox row of {requestId} has an empty record.");
            var inline = new List<InlineAttachment>();
            for (var i = 0; i < (e.GetInt32("InlineCount") ?? 0); i++)
            {
                using var content = new MemoryStream();
                for (var c = 0; c < (e.GetInt32($"A{i}Chunks") ?? 0); c++) content.Write(e.GetBinary($"A{i}C{c}"));
                inline.Add(new InlineAttachment(e.GetString($"A{i}Blob") ?? "", e.GetString($"A{i}Type") ?? "application/octet-stream",
                    content.ToArray()));
            }
            pending = new PendingSubmission(request, fingerprint, inline);
        }
        return new InboxEntry(requestId, submissionId, fingerprint, receivedAt, pending);
    }
}
