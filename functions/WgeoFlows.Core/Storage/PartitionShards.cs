namespace WgeoFlows.Storage;

/// <summary>
/// Spreads rows that many requests would otherwise write at the same moment (counters changed with optimistic
/// concurrency) over a fixed number of partitions, by a hash of the request id that is the same in every process
/// (FNV-1a; string.GetHashCode differs per process).
/// </summary>
public static class PartitionShards
{
    public static int Of(string key, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var c in key) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)shardCount);
    }

    /// <summary>"{prefix}|{shard:D2}".</summary>
    public static string Name(string prefix, int shard) => prefix + "|" + shard.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
