namespace WgeoFlows.Impact;

/// <summary>Calendar quarters, written "2026-Q4": they sort in time order as text.</summary>
public static class ImpactQuarters
{
    public static string Of(DateTimeOffset at) => $"{at.UtcDateTime.Year:D4}-Q{(at.UtcDateTime.Month - 1) / 3 + 1}";

    /// <summary>The quarter before the one <paramref name="at"/> falls in (what a quarterly summary reports).</summary>
    public static string Previous(DateTimeOffset at) => Of(new DateTimeOffset(at.UtcDateTime.Year, (at.UtcDateTime.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1));
}

/// <summary>Durations in days, counted in buckets so a median can be read from counters without keeping every value.
/// The median is reported as the upper bound of the bucket it falls in ("at most N days").</summary>
public static class DurationBuckets
{
    public static readonly IReadOnlyList<int> UpperBoundsInDays = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 365, 730, 100_000];

    public static int BucketOf(TimeSpan duration)
    {
        var days = Math.Max(0, duration.TotalDays);
        return UpperBoundsInDays.First(bound => days <= bound);
    }

    /// <summary>The upper bound of the bucket holding the middle value; null when nothing was counted.</summary>
    public static int? Median(IReadOnlyDictionary<int, long> countsByBucket)
    {
        var total = countsByBucket.Values.Sum();
        if (total == 0) return null;
        long seen = 0;
        foreach (var bound in UpperBoundsInDays)
        {
            seen += countsByBucket.GetValueOrDefault(bound);
            if (seen * 2 >= total) return bound;
        }
        return null;
    }
}
