using Azure.Data.Tables;

namespace WgeoFlows.Storage.ChangeLog;

/// <summary>
/// The change log of partners and reviewers, in <see cref="TableNames.Audit"/>. Each entry is written twice, never
/// changed: once in the partition of its subject and id ("change|partner|{id}": a partner's page reads its own history
/// as one partition read) and once in the partition of its subject ("change|reviewers": the reviewers' change log across
/// platforms). RK = inverted time + entry id, so a page is the newest entries first.
/// </summary>
public sealed class ChangeLogStore(StorageClients storage)
{
    public const string PartitionPrefix = "change|";
    public const int MaxPageSize = 200;

    private TableClient Table => storage.Table(TableNames.Audit);

    public async Task RecordAsync(ChangeEntry entry, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var rowKey = NewestFirst.Key(entry.At) + "|" + Guid.NewGuid().ToString("N");
        // The subject's row first: a partner's page must never miss a change the subject-wide log shows.
        await Table.AddEntityAsync(ToEntity(SubjectPartition(entry.Subject, entry.SubjectId), rowKey, entry), cancellationToken);
        await Table.AddEntityAsync(ToEntity(SubjectPartition(entry.Subject, null), rowKey, entry), cancellationToken);
    }

    /// <summary>The newest changes of one subject id (<paramref name="subjectId"/>), or of every id of the subject when it
    /// is null: one storage request reading at most <paramref name="pageSize"/> rows.</summary>
    public async Task<(IReadOnlyList<ChangeEntry> Items, string? Continuation)> ListAsync(string subject, string? subjectId, int pageSize,
        string? continuation, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SubjectPartition(subject, subjectId)}");
        var pages = Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, pageSize);
        await foreach (var page in pages)
        {
            return (page.Values.Select(FromEntity).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    private static string SubjectPartition(string subject, string? subjectId) =>
        subjectId is null ? PartitionPrefix + subject : PartitionPrefix + subject + "|" + subjectId;

    private static TableEntity ToEntity(string partition, string rowKey, ChangeEntry entry)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            ["Subject"] = entry.Subject,
            ["SubjectId"] = entry.SubjectId,
            ["Action"] = entry.Action,
            ["Actor"] = entry.Actor.Length > 200 ? entry.Actor[..200] : entry.Actor,
            ["At"] = entry.At,
        };
        if (entry.Before is not null) SplitText.Write(entity, "Before", entry.Before);
        if (entry.After is not null) SplitText.Write(entity, "After", entry.After);
        return entity;
    }

    private static ChangeEntry FromEntity(TableEntity e) => new(
        e.GetString("Subject") ?? "",
        e.GetString("SubjectId") ?? "",
        e.GetString("Action") ?? "",
        e.GetString("Actor") ?? "",
        e.GetDateTimeOffset("At") ?? default,
        SplitText.Read(e, "Before"),
        SplitText.Read(e, "After"));
}
