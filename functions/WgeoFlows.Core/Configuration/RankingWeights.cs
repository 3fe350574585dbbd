namespace WgeoFlows.Configuration;

/// <summary>The weights of the ranking, bound from <c>Matching:Weights:*</c>. A component's points are its weight
/// times its value (0..1); recent load subtracts. The defaults favour topic and modality over everything else.</summary>
public sealed class RankingWeights
{
    public double ThematicFit { get; set; } = 40;
    public double SupportTypeFit { get; set; } = 25;
    public double Language { get; set; } = 10;
    public double PreferredRegion { get; set; } = 10;
    public double SouthSouth { get; set; } = 10;
    public double RemainingCapacity { get; set; } = 5;
    public double RecentLoad { get; set; } = 10;

    /// <summary>Offers older than this no longer count as load.</summary>
    public TimeSpan RecentLoadWindow { get; set; } = TimeSpan.FromDays(14);
    /// <summary>This many recent offers is the full penalty.</summary>
    public int RecentLoadSaturation { get; set; } = 3;
}
