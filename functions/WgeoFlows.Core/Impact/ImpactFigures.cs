namespace WgeoFlows.Impact;

/// <summary>One published figure. <paramref name="Period"/> is "all" or a quarter ("2026-Q4"); <paramref name="Metric"/>
/// one of <see cref="ImpactMetrics"/>; <paramref name="Figure"/> is null when <paramref name="Suppressed"/> (the count
/// behind it is below <c>Impact:MinimumCount</c>).</summary>
public sealed record ImpactCell(string Period, string Metric, string Dimension, string Category, double? Figure, bool Suppressed);

/// <summary>Everything the impact page, data.json and data.csv publish: aggregates only, and stories of pairs that
/// all agreed to be named.</summary>
public sealed record ImpactFigures(DateTimeOffset GeneratedAt, int MinimumCount, IReadOnlyList<string> Quarters,
    IReadOnlyList<ImpactCell> Cells, IReadOnlyList<ImpactStory> Stories)
{
    public ImpactCell? Find(string period, string metric, string dimension = "all", string category = "all") =>
        Cells.FirstOrDefault(c => c.Period == period && c.Metric == metric && c.Dimension == dimension && c.Category == category);

    public IEnumerable<ImpactCell> Breakdown(string period, string metric, string dimension) =>
        Cells.Where(c => c.Period == period && c.Metric == metric && c.Dimension == dimension);
}

public static class ImpactMetrics
{
    public const string AllPeriods = "all";
    public const string Received = "received";
    public const string Approved = "approved";
    public const string Matched = "matched";
    /// <summary>Matches by kind (dimension "kind": south-south, triangular, other).</summary>
    public const string MatchKind = "matchKind";
    /// <summary>Share of matches, in percent, by kind.</summary>
    public const string MatchSharePercent = "matchSharePercent";
    /// <summary>Median days from submission to match (upper bound of its bucket).</summary>
    public const string MedianDaysToMatch = "medianDaysToMatch";
    /// <summary>Median days from submission to the first review decision (upper bound of its bucket).</summary>
    public const string MedianDaysToDecision = "medianDaysToDecision";

    public static readonly IReadOnlyList<string> Counts = [Received, Approved, Matched];
}
