using System.Globalization;

namespace WgeoFlows.Impact;

/// <summary>Builds the published figures from the stored counters: sums over quarters, shares, medians from the
/// duration buckets, and suppression of every figure resting on fewer than the minimum count. Pure.</summary>
public static class ImpactReport
{
    public static ImpactFigures Build(IReadOnlyList<ImpactCounter> counters, IReadOnlyList<ImpactStory> stories, int minimumCount, DateTimeOffset now)
    {
        var quarters = counters.Select(c => c.Quarter).Distinct().Order(StringComparer.Ordinal).ToList();
        var cells = new List<ImpactCell>();
        foreach (var period in quarters.Prepend(ImpactMetrics.AllPeriods))
        {
            var inPeriod = counters.Where(c => period == ImpactMetrics.AllPeriods || c.Quarter == period).ToList();
            long Sum(string metric, string dimension, string category) =>
                inPeriod.Where(c => c.Metric == metric && c.Dimension == dimension && c.Value == category).Sum(c => c.Count);

            foreach (var metric in ImpactMetrics.Counts.Append(ImpactMetrics.MatchKind))
            {
                var groups = inPeriod.Where(c => c.Metric == metric).GroupBy(c => (c.Dimension, c.Value))
                    .OrderBy(g => g.Key.Dimension, StringComparer.Ordinal).ThenBy(g => g.Key.Value, StringComparer.Ordinal);
                foreach (var group in groups)
                {
                    cells.Add(CountCell(period, metric, group.Key.Dimension, group.Key.Value, group.Sum(c => c.Count), minimumCount));
                }
            }

            var matched = inPeriod.Where(c => c.Metric == ImpactMetrics.MatchKind).Sum(c => c.Count);
            foreach (var kind in new[] { ImpactRecorder.SouthSouth, ImpactRecorder.Triangular })
            {
                var ofKind = Sum(ImpactMetrics.MatchKind, "kind", kind);
                var suppressed = matched < minimumCount || ofKind is > 0 && ofKind < minimumCount;
                cells.Add(new ImpactCell(period, ImpactMetrics.MatchSharePercent, "kind", kind,
                    suppressed || matched == 0 ? null : Math.Round(100.0 * ofKind / matched, 1), suppressed));
            }
            cells.Add(MedianCell(period, ImpactMetrics.MedianDaysToMatch, inPeriod, "daysToMatch", minimumCount));
            cells.Add(MedianCell(period, ImpactMetrics.MedianDaysToDecision, inPeriod, "daysToDecision", minimumCount));
        }
        return new ImpactFigures(now, minimumCount, quarters, cells, stories);
    }

    private static ImpactCell CountCell(string period, string metric, string dimension, string category, long count, int minimumCount)
    {
        var suppressed = count > 0 && count < minimumCount;
        return new ImpactCell(period, metric, dimension, category, suppressed ? null : count, suppressed);
    }

    private static ImpactCell MedianCell(string period, string measure, List<ImpactCounter> inPeriod, string durationMetric, int minimumCount)
    {
        var buckets = inPeriod.Where(c => c.Metric == durationMetric && c.Dimension == "bucket")
            .GroupBy(c => int.Parse(c.Value, CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var total = buckets.Values.Sum();
        var suppressed = total > 0 && total < minimumCount;
        return new ImpactCell(period, measure, "all", "all", suppressed ? null : DurationBuckets.Median(buckets), suppressed);
    }
}
