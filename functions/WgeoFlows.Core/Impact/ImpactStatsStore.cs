using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using WgeoFlows.Shared;
using WgeoFlows.Storage;

namespace WgeoFlows.Impact;

/// <summary>A consenting matched pair, as the impact page tells it: organisations, countries and theme only.</summary>
public sealed record ImpactStory(string Quarter, string RequesterOrganization, string RequesterCountry,
    IReadOnlyList<ImpactStoryPartner> Partners, string Theme, string Kind);

public sealed record ImpactStoryPartner(string Organization, string Country);

/// <summary>One counter: <paramref name="Metric"/> (received, approved, matched, matchKind, daysToMatch,
/// daysToDecision) by <paramref name="Dimension"/> (all, platform, region, theme, kind, bucket) = <paramref name="Value"/>.</summary>
public sealed record ImpactCounter(string Quarter, string Metric, string Dimension, string Value, long Count);

/// <summary>
/// The impact figures, kept at write time in the admin index table, partition "impact", so that the public page reads a
/// bounded number of rows whatever the number of requests: counters "c|{quarter}|{metric}|{dimension}|{value}" (their
/// number grows with quarters × taxonomy, never with requests), stories "story|{inverted time}|{id}", and one marker
/// "mark|{event}|{id}" per request and event. Marker and counters change in one table transaction, so a retried
/// activity counts nothing twice.
/// </summary>
public sealed class ImpactStatsStore(StorageClients storage)
{
    public const string Partition = "impact";
    private const string CounterPrefix = "c|";
    private const string StoryPrefix = "story|";

    private TableClient Table => storage.Table(TableNames.AdminIndex);

    /// <summary>Adds one to each counter of <paramref name="counters"/> (quarter, metric, dimension, value), once per
    /// request and <paramref name="eventName"/>; with <paramref name="story"/>, stores it in the same transaction.
    /// False when this event was already counted.</summary>
    public async Task<bool> CountOnceAsync(string requestId, string eventName, IReadOnlyCollection<(string Quarter, string Metric, string Dimension, string Value)> counters,
        ImpactStory? story, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var markerKey = $"mark|{eventName}|{requestId}";
        for (var attempt = 0; ; attempt++)
        {
            if (await GetAsync(markerKey, cancellationToken) is not null) return false;
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(Partition, markerKey) { ["At"] = at }),
            };
            foreach (var key in counters.Select(c => $"{CounterPrefix}{c.Quarter}|{c.Metric}|{c.Dimension}|{c.Value}").Distinct(StringComparer.Ordinal))
            {
                var counter = await GetAsync(key, cancellationToken);
                var next = new TableEntity(Partition, key) { ["Count"] = (counter?.GetInt64("Count") ?? 0) + 1 };
                actions.Add(counter is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, counter.ETag));
            }
            if (story is not null)
            {
                var inverted = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, $"{StoryPrefix}{inverted}|{requestId}")
                {
                    ["Story"] = JsonSerializer.Serialize(story, WgeoJson.Options),
                }));
            }
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 50)
            {
                // Another write changed a counter (or counted this event) in between: read again.
                await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken);
            }
        }
    }

    /// <summary>Every counter: one range query over rows whose number depends on quarters and the taxonomy only.</summary>
    public async Task<IReadOnlyList<ImpactCounter>> CountersAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {CounterPrefix} and RowKey lt {"c}"}");
        var counters = new List<ImpactCounter>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Count"], cancellationToken: cancellationToken))
        {
            var parts = e.RowKey[CounterPrefix.Length..].Split('|', 4);
            if (parts.Length == 4) counters.Add(new ImpactCounter(parts[0], parts[1], parts[2], parts[3], e.GetInt64("Count") ?? 0));
        }
        return counters;
    }

    /// <summary>The newest <paramref name="take"/> stories: one query of at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<ImpactStory>> StoriesAsync(int take, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        if (take <= 0) return [];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {StoryPrefix} and RowKey lt {"story}"}");
        var stories = new List<ImpactStory>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize<ImpactStory>(e.GetString("Story") ?? "null", WgeoJson.Options) is { } story) stories.Add(story);
            if (stories.Count == take) break;
        }
        return stories;
    }

    private async Task<TableEntity?> GetAsync(string rowKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
