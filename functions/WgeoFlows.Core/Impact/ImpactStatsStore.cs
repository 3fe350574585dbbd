using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using WgeoFlows.Shared;
using WgeoFlows.Shared.Resilience;
using WgeoFlows.Storage;

namespace WgeoFlows.Impact;

/// <summary>A consenting matched pair, as the impact page tells it: organisations, countries and theme only.</summary>
public sealed record ImpactStory(string Quarter, string RequesterOrganization, string RequesterCountry,
    IReadOnlyList<ImpactStoryPartner> Partners, string Theme, string Kind);

public sealed record ImpactStoryPartner(string Organization, string Country);

/// <summary>A story to store, with the ids of the partners it names (kept beside it, never published).</summary>
public sealed record StoryToPublish(ImpactStory Story, IReadOnlyList<string> PartnerIds);

/// <summary>A story as stored: its row, the request it tells, the partners' ids it names (null on rows written before they
/// were kept) and the story itself (null when unreadable).</summary>
public sealed record StoredStory(string RowKey, string RequestId, IReadOnlyList<string>? PartnerIds, ImpactStory? Story);

/// <summary>One counter: <paramref name="Metric"/> (received, approved, matched, matchKind, daysToMatch,
/// daysToDecision) by <paramref name="Dimension"/> (all, platform, region, theme, kind, bucket) = <paramref name="Value"/>.</summary>
public sealed record ImpactCounter(string Quarter, string Metric, string Dimension, string Value, long Count);

/// <summary>
/// The impact figures, kept at write time in the admin index table, so that the public page reads a bounded number of
/// rows whatever the number of requests. Counters "c|{quarter}|{metric}|{dimension}|{value}" (their number grows with
/// quarters × taxonomy, never with requests) and one marker "mark|{event}|{id}" per request and event live in 16 shard
/// partitions "impact|00" … "impact|15" by request; marker and counters change in one table transaction, so a retried
/// activity counts nothing twice, and a counter row sees only its shard's writers (with one partition, requests received
/// together kept overwriting each other's counters and retrying, as the admin counters did). The page sums the shards.
/// Stories "story|{inverted time}|{id}" stay in the one partition "impact", newest first, each with the request id and
/// the partners' ids it names (columns, not part of the published story), so that a withdrawn agreement finds them; the
/// row "stamp|stories" beside them changes whenever stories are taken down (see <see cref="ImpactStoryWithdrawal"/>).
/// </summary>
public sealed class ImpactStatsStore(StorageClients storage, RetryPipelines retries)
{
    public const string StoriesPartition = "impact";
    public const int ShardCount = 16;
    private const string CounterPrefix = "c|";
    private const string StoryPrefix = "story|";
    private const string StoriesStampKey = "stamp|stories";

    private TableClient Table => storage.Table(TableNames.AdminIndex);

    /// <summary>Adds one to each counter of <paramref name="counters"/> (quarter, metric, dimension, value), once per
    /// request and <paramref name="eventName"/>; with <paramref name="story"/>, stores it first, with the ids of the partners
    /// it names. False when this event was already counted.</summary>
    public async Task<bool> CountOnceAsync(string requestId, string eventName, IReadOnlyCollection<(string Quarter, string Metric, string Dimension, string Value)> counters,
        StoryToPublish? story, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var shard = ShardOf(requestId);
        var markerKey = $"mark|{eventName}|{requestId}";
        var storyWritten = false;
        // Another write may change a counter (or count this event) in between: the pipeline runs it all again, reading afresh.
        return await retries.TableContention.ExecuteAsync(async ct =>
        {
            if (await GetAsync(shard, markerKey, ct) is not null) return false;
            if (story is not null && !storyWritten)
            {
                // Before the count, so that a crash in between leaves the story for the retry to find, never a counted
                // match without it; writing it again is harmless (same key, same content).
                await Table.UpsertEntityAsync(new TableEntity(StoriesPartition, StoryRowKey(at, requestId))
                {
                    ["Story"] = JsonSerializer.Serialize(story.Story, WgeoJson.Options),
                    ["RequestId"] = requestId,
                    ["PartnerIds"] = string.Join(';', story.PartnerIds),
                }, TableUpdateMode.Replace, ct);
                storyWritten = true;
            }
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(shard, markerKey) { ["At"] = at }),
            };
            foreach (var key in counters.Select(c => $"{CounterPrefix}{c.Quarter}|{c.Metric}|{c.Dimension}|{c.Value}").Distinct(StringComparer.Ordinal))
            {
                var counter = await GetAsync(shard, key, ct);
                var next = new TableEntity(shard, key) { ["Count"] = (counter?.GetInt64("Count") ?? 0) + 1 };
                actions.Add(counter is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, counter.ETag));
            }
            await Table.SubmitTransactionAsync(actions, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>A story's row: newest first, and findable again from the time its match was counted (the "matched" marker's At).</summary>
    private static string StoryRowKey(DateTimeOffset at, string requestId) =>
        $"{StoryPrefix}{NewestFirst.Key(at)}|{requestId}";

    /// <summary>Removes the request's story, if it has one, leaving every counter as it is: its row is found from the time on
    /// the request's "matched" marker, which the story was written with. True when a story was removed.</summary>
    public async Task<bool> RemoveStoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        if (await GetAsync(ShardOf(requestId), $"mark|matched|{requestId}", cancellationToken) is not { } marker) return false;
        // Read first: a deletion of a row that is not there is not an answer to count on (Azurite accepts it).
        if (await GetAsync(StoriesPartition, StoryRowKey(marker.GetDateTimeOffset("At") ?? default, requestId), cancellationToken) is not { } story)
        {
            return false;
        }
        try
        {
            await Table.DeleteEntityAsync(StoriesPartition, story.RowKey, story.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Every counter, summed over the shards: one range query per shard (in parallel), over rows whose number
    /// depends on quarters and the taxonomy only.</summary>
    public async Task<IReadOnlyList<ImpactCounter>> CountersAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var shards = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard => CountersOfAsync(Shard(shard), cancellationToken)));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in shards.SelectMany(rows => rows)) totals[key] = totals.GetValueOrDefault(key) + count;
        var counters = new List<ImpactCounter>();
        foreach (var (key, count) in totals.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var parts = key[CounterPrefix.Length..].Split('|', 4);
            if (parts.Length == 4) counters.Add(new ImpactCounter(parts[0], parts[1], parts[2], parts[3], count));
        }
        return counters;
    }

    private async Task<List<(string Key, long Count)>> CountersOfAsync(string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CounterPrefix} and RowKey lt {"c}"}");
        var rows = new List<(string, long)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Count"], cancellationToken: cancellationToken))
        {
            rows.Add((e.RowKey, e.GetInt64("Count") ?? 0));
        }
        return rows;
    }

    public static string ShardOf(string requestId) => Shard(PartitionShards.Of(requestId, ShardCount));

    private static string Shard(int shard) => PartitionShards.Name("impact", shard);

    /// <summary>The newest <paramref name="take"/> stories: one query of at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<ImpactStory>> StoriesAsync(int take, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        if (take <= 0) return [];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StoriesPartition} and RowKey ge {StoryPrefix} and RowKey lt {"story}"}");
        var stories = new List<ImpactStory>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize<ImpactStory>(e.GetString("Story") ?? "null", WgeoJson.Options) is { } story) stories.Add(story);
            if (stories.Count == take) break;
        }
        return stories;
    }

    /// <summary>Every stored story with what it names: one query of partition "impact" over the story rows, which grow with
    /// consenting matched pairs only (a few hundred in years), never with requests.</summary>
    public async Task<IReadOnlyList<StoredStory>> StoryRowsAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StoriesPartition} and RowKey ge {StoryPrefix} and RowKey lt {"story}"}");
        var rows = new List<StoredStory>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Story", "PartnerIds"], cancellationToken: cancellationToken))
        {
            // The request id is the key's last part on every story row, those written before the RequestId column too.
            var requestId = e.RowKey.Split('|', 3) is [_, _, var id] ? id : "";
            // Null on rows written before the column: the withdrawal then compares the partners' names and countries.
            var partnerIds = e.GetString("PartnerIds") is { } ids ? ids.Split(';', StringSplitOptions.RemoveEmptyEntries) : null;
            rows.Add(new StoredStory(e.RowKey, requestId, partnerIds, JsonSerializer.Deserialize<ImpactStory>(e.GetString("Story") ?? "null", WgeoJson.Options)));
        }
        return rows;
    }

    /// <summary>Deletes the story rows <paramref name="rowKeys"/>; one already gone is no error (a retried withdrawal).</summary>
    public async Task DeleteStoriesAsync(IEnumerable<string> rowKeys, CancellationToken cancellationToken = default)
    {
        foreach (var rowKey in rowKeys)
        {
            try
            {
                await Table.DeleteEntityAsync(StoriesPartition, rowKey, Azure.ETag.All, cancellationToken);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
            }
        }
    }

    /// <summary>The current version of the stories stamp, or null before any story was ever taken down: one point read.</summary>
    public async Task<string?> StoriesVersionAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        return (await GetAsync(StoriesPartition, StoriesStampKey, cancellationToken))?.GetString("Version");
    }

    /// <summary>Gives the stories stamp a new version: every instance that cached the figures under the old one reads them
    /// again on its next check.</summary>
    public async Task MarkStoriesChangedAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        await Table.UpsertEntityAsync(new TableEntity(StoriesPartition, StoriesStampKey)
        {
            ["Version"] = Guid.NewGuid().ToString("N"),
            ["ChangedAt"] = at,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<TableEntity?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
