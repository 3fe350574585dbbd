namespace WgeoFlows.Bench.Support;

/// <summary>
/// The benchmarks drive hundreds of requests from one client address, as no person and no single form service would in a
/// minute; the per-client limits of the public doors (RateLimits:*) would refuse most of them with 429 and the figures
/// would measure the limiter. The benchmarks measure the path behind the doors, so they lift these limits.
/// </summary>
public static class BenchLimits
{
    public static IEnumerable<KeyValuePair<string, string?>> Lifted =>
        new[] { "Form", "Typeform", "Webhook", "Status", "Links", "Confirm", "Impact" }
            .Select(door => KeyValuePair.Create($"RateLimits:{door}:PermitLimit", (string?)"1000000"));
}
