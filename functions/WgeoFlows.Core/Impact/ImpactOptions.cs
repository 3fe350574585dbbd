namespace WgeoFlows.Impact;

/// <summary>The "Impact" configuration section.</summary>
public sealed class ImpactOptions
{
    public const string Section = "Impact";

    /// <summary><c>Impact:MinimumCount</c>: any published count below it is suppressed, so that no cell points at a
    /// single organisation.</summary>
    public int MinimumCount { get; set; } = 3;

    /// <summary>How many consenting matched pairs' stories the page shows, newest first.</summary>
    public int Stories { get; set; } = 12;
}
