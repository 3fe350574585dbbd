using Azure.Data.Tables;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Storage;

/// <summary>
/// A request's timeline: rows "tl|{key}" in the request's partition. Keys are deterministic per event, so an
/// activity that runs twice writes the same row twice (an upsert), never two rows. Read back ordered by time.
/// </summary>
public sealed class TimelineStore(StorageClients storage)
{
    public const string RowPrefix = "tl|";
    public const int MaxDetailChars = 16_000;
    public const int MaxLabelChars = 1_000;

    private TableClient Table => storage.Table(TableNames.Requests);

    public async Task AppendAsync(TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var entity = new TableEntity(entry.RequestId, RowPrefix + entry.Key)
        {
            // Details come from people (answers, comments, reasons) and from SendGrid: each is bounded where it is taken,
            // and again here, so that no entry can outgrow a table property (32,768 characters).
            ["Actor"] = SplitText.Bounded(entry.Actor, MaxLabelChars),
            ["Action"] = SplitText.Bounded(entry.Action, MaxLabelChars),
            ["Detail"] = SplitText.Bounded(entry.Detail, MaxDetailChars),
            ["At"] = entry.At,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ListAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var entries = new List<TimelineEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"tl}"}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(requestId, e.RowKey[RowPrefix.Length..], e.GetString("Actor") ?? "", e.GetString("Action") ?? "",
                e.GetString("Detail"), e.GetDateTimeOffset("At") ?? default));
        }
        return entries.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }
}
