using System.Text.Json;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Matching.Offers;

/// <summary>A ranked candidate as stored for admins: its rank, score and the explanation of every part of the score.</summary>
public sealed record StoredCandidate(int Rank, string PartnerId, string Name, string Country, double Score, JsonElement Breakdown);

/// <summary>The ranking of a request, rows "match|{rank}|{partnerId}" in the request's partition. Rewritten whole by
/// each ranking (idempotent for a retried activity: the same ranking writes the same rows).</summary>
public sealed class MatchCandidateStore(StorageClients storage)
{
    public const string RowPrefix = "match|";

    private TableClient Table => storage.Table(TableNames.Requests);

    public async Task SaveAsync(string requestId, IReadOnlyList<StoredCandidate> candidates, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        // A table transaction takes at most 100 entities; one partition, so each chunk is atomic.
        foreach (var chunk in candidates.Chunk(100))
        {
            var actions = chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(requestId, $"{RowPrefix}{c.Rank:D4}|{c.PartnerId}")
                {
                    ["PartnerId"] = c.PartnerId, ["Name"] = c.Name, ["Country"] = c.Country, ["Score"] = c.Score,
                    ["Breakdown"] = c.Breakdown.GetRawText(),
                }));
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<StoredCandidate>> ListAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"match}"}");
        var result = new List<StoredCandidate>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var rank = int.Parse(e.RowKey.AsSpan(RowPrefix.Length, 4), System.Globalization.CultureInfo.InvariantCulture);
            using var doc = JsonDocument.Parse(e.GetString("Breakdown") ?? "[]");
            result.Add(new StoredCandidate(rank, e.GetString("PartnerId") ?? "", e.GetString("Name") ?? "", e.GetString("Country") ?? "",
                e.GetDouble("Score") ?? 0, doc.RootElement.Clone()));
        }
        return result.OrderBy(c => c.Rank).ToList();
    }
}
