using WgeoFlows.Impact;

namespace WgeoFlows.Tests.Impact;

/// <summary>What is published from the counters: sums over quarters, shares, bucketed medians, suppression.</summary>
public sealed class ImpactReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static ImpactFigures Build(params ImpactCounter[] counters) => ImpactReport.Build(counters, [], 3, Now);

    [Fact]
    public void Counts_below_the_minimum_are_suppressed_and_the_others_shown()
    {
        var figures = Build(
            new ImpactCounter("2026-Q3", "received", "platform", "cities", 2),
            new ImpactCounter("2026-Q4", "received", "platform", "cities", 3),
            new ImpactCounter("2026-Q4", "received", "platform", "academia-youth", 1));

        figures.Quarters.ShouldBe(["2026-Q3", "2026-Q4"]);
        figures.Find("2026-Q3", "received", "platform", "cities")!.ShouldSatisfyAllConditions(c => c.Suppressed.ShouldBeTrue(), c => c.Figure.ShouldBeNull());
        figures.Find("2026-Q4", "received", "platform", "cities")!.Figure.ShouldBe(3);
        figures.Find("all", "received", "platform", "cities")!.Figure.ShouldBe(5);
        figures.Find("all", "received", "platform", "academia-youth")!.Suppressed.ShouldBeTrue();
    }

    [Fact]
    public void Shares_of_South_South_and_triangular_matches_are_percentages_of_all_matches()
    {
        var figures = Build(
            new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.SouthSouth, 6),
            new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.Triangular, 3),
            new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.NorthSouth, 3));

        figures.Find("all", ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.SouthSouth)!.Figure.ShouldBe(50);
        figures.Find("all", ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.Triangular)!.Figure.ShouldBe(25);
    }

    [Fact]
    public void Shares_resting_on_fewer_matches_than_the_minimum_are_suppressed()
    {
        var figures = Build(new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.SouthSouth, 2));
        figures.Find("all", ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.SouthSouth)!.Suppressed.ShouldBeTrue();
    }

    [Fact]
    public void The_median_duration_is_the_bound_of_the_bucket_holding_the_middle_value()
    {
        var figures = Build(
            new ImpactCounter("2026-Q4", "daysToMatch", "bucket", "7", 2),
            new ImpactCounter("2026-Q4", "daysToMatch", "bucket", "14", 2),
            new ImpactCounter("2026-Q4", "daysToMatch", "bucket", "60", 1));

        figures.Find("all", ImpactMetrics.MedianDaysToMatch)!.Figure.ShouldBe(14);
        figures.Find("all", ImpactMetrics.MedianDaysToDecision)!.Figure.ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-Q1", "2025-Q4")]
    [InlineData("2026-06-30T23:59:59Z", "2026-Q2", "2026-Q1")]
    [InlineData("2026-10-01T07:00:00Z", "2026-Q4", "2026-Q3")]
    public void Quarters_are_calendar_quarters(string at, string quarter, string previous)
    {
        var time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        ImpactQuarters.Of(time).ShouldBe(quarter);
        ImpactQuarters.Previous(time).ShouldBe(previous);
    }
}
