using WgeoFlows.Bench.Support;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Matching;
using WgeoFlows.Reference;

namespace WgeoFlows.Bench.Matching;

/// <summary>Matching: ranking the top 10 for one request over 1,000, 10,000 and 100,000 partners, beside the LINQ baseline.
/// Targets: p50 under 10 ms at 100,000, and at least 5 times faster than the baseline.</summary>
public static class MatchingBench
{
    private const int Top = 10;

    public static void Run()
    {
        var request = SampleRequest();
        var country = CountryCatalog.Default.Find(request.Organization.Country);
        var weights = new RankingWeights();
        var asOf = DateTimeOffset.UnixEpoch.AddDays(20_020);
        var rows = new List<string[]>();
        foreach (var size in new[] { 1_000, 10_000, 100_000 })
        {
            var partners = SyntheticRegistry.Create(size);
            var ours = PartnerRanker.Rank(request, country, partners, weights, Top, asOf).Select(c => c.PartnerId).ToList();
            var baseline = LinqBaselineRanker.Rank(request, country, partners, weights, Top, asOf);
            if (!ours.SequenceEqual(baseline))
            {
                throw new InvalidOperationException($"At {size} the ranker and the baseline disagree: {string.Join(",", ours)} vs {string.Join(",", baseline)}");
            }
            var iterations = size >= 100_000 ? 60 : 300;
            var ranker = Sampler.Measure(() => PartnerRanker.Rank(request, country, partners, weights, Top, asOf), iterations);
            var linq = Sampler.Measure(() => LinqBaselineRanker.Rank(request, country, partners, weights, Top, asOf), Math.Max(20, iterations / 3));
            rows.Add([size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Report.Ms(ranker.P50Ms), Report.Bytes(ranker.AllocatedBytesPerCall),
                Report.Ms(linq.P50Ms), Report.Bytes(linq.AllocatedBytesPerCall), Report.Ratio(linq.P50Ms / ranker.P50Ms),
                size == 100_000 ? (ranker.P50Ms < 10 && linq.P50Ms / ranker.P50Ms >= 5 ? "met" : "MISSED") : ""]);
        }
        Report.Table("Matching: top 10 for one request (target at 100,000: p50 < 10 ms and ≥ 5× the baseline)",
            ["partners", "ranker p50", "ranker alloc/call", "LINQ baseline p50", "baseline alloc/call", "speed-up", "target"], rows);
    }

    private static SupportRequest SampleRequest() => new()
    {
        RequestId = "WG-BENCH-00001",
        SubmissionId = "bench",
        SubmittedAt = DateTimeOffset.UnixEpoch.AddDays(20_020),
        Organization = new Organization("Nairobi County Energy Office", "cities", "KE", null),
        Contact = new Contact("Amina Otieno", "amina@example.org", "en"),
        Title = "Solar mini-grids for informal settlements",
        Description = "Informal settlements lack reliable electricity; technical assistance and financing are needed.",
        ThematicAreas = ["renewable-energy", "sustainable-cities"],
        SupportTypes = ["technical-assistance", "financing"],
        PreferredRegions = ["africa", "asia"],
    };
}
