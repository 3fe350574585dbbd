using System.Reflection;
using System.Text.Json;
using WgeoFlows.Matching;
using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.SampleData;

/// <param name="Partners">Partners stored by this call (0 when the table already had some).</param>
/// <param name="Reviewers">Reviewers stored by this call (0 when the table already had some).</param>
public sealed record SampleDataSeedResult(int Partners, int Reviewers)
{
    public int Total => Partners + Reviewers;
}

/// <summary>Loads the FICTIONAL sample reviewers and partners (embedded resources, see README.md here) into an empty
/// store: the local host's first start. A table that has any row is left alone, so calling it again does nothing.</summary>
public sealed class SampleDataLoader(PartnerStore partners, ReviewerStore reviewers, PartnerCsvImporter importer)
{
    public const string PartnersResource = "WgeoFlows.SampleData.partners.csv";
    public const string ReviewersResource = "WgeoFlows.SampleData.reviewers.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>How many records were stored (0 when both tables already had rows).</returns>
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken = default) =>
        (await SeedTablesIfEmptyAsync(cancellationToken)).Total;

    /// <summary>Like <see cref="SeedIfEmptyAsync"/>, with the count of each table.</summary>
    public async Task<SampleDataSeedResult> SeedTablesIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var partnersSeeded = 0;
        if (!await partners.AnyAsync(cancellationToken))
        {
            await using var csv = OpenResource(PartnersResource);
            var report = await importer.ImportAsync(csv, cancellationToken);
            if (report.FileError is not null || report.Rejected > 0)
            {
                // The embedded file is ours: a rejected row is a bug in it, not something to skip quietly.
                throw new InvalidOperationException(
                    $"The sample partners do not import cleanly: {report.FileError ?? string.Join(" ",
                        report.Rows.Where(r => !r.Accepted).SelectMany(r => r.Errors.Select(e => $"line {r.Line}: {e}")))}");
            }
            partnersSeeded = report.Created;
        }

        var reviewersSeeded = 0;
        if (!await reviewers.AnyAsync(cancellationToken))
        {
            var sample = LoadSampleReviewers();
            await reviewers.ReplaceAllAsync(sample, cancellationToken);
            reviewersSeeded = sample.Count;
        }
        return new SampleDataSeedResult(partnersSeeded, reviewersSeeded);
    }

    public static IReadOnlyList<Reviewer> LoadSampleReviewers()
    {
        using var json = OpenResource(ReviewersResource);
        return JsonSerializer.Deserialize<List<Reviewer>>(json, Json)
            ?? throw new InvalidOperationException($"{ReviewersResource} is empty.");
    }

    public static string LoadSamplePartnersCsv()
    {
        using var reader = new StreamReader(OpenResource(PartnersResource));
        return reader.ReadToEnd();
    }

    private static Stream OpenResource(string name) =>
        typeof(SampleDataLoader).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(SampleDataLoader).Assembly.GetName().Name}.");
}
