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

    /// <summary><c>Impact:CacheFor</c>: how long the page, data.json and data.csv are served from figures read once (in each
    /// instance) and how long browsers and proxies may keep them; zero reads storage on every request.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Impact:UnpublishCheckEvery</c>: how often an instance serving the figures from its cache checks (one point
    /// read) whether a story was taken down elsewhere: another instance handled the withdrawal. The instance that handled it
    /// drops its cache at once; zero checks on every GET.</summary>
    public TimeSpan UnpublishCheckEvery { get; set; } = TimeSpan.FromSeconds(1);
}
