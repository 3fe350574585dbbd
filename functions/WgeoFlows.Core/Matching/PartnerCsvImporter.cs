using System.Text;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>What an import did: its report, and every partner it wrote with its registry fields before (null: created).</summary>
public sealed record PartnerImportResult(PartnerImportReport Report, IReadOnlyList<(Partner? Before, Partner After)> Written);

/// <summary>Imports partners from the CSV of <c>POST /api/admin/partners/import</c>: good rows are stored, bad rows are
/// reported, unchanged rows are not rewritten (so importing the same file again changes nothing).</summary>
public sealed class PartnerCsvImporter(PartnerStore store)
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="csv">UTF-8 bytes (a byte order mark is allowed); the caller bounds their size.</param>
    public async Task<PartnerImportReport> ImportAsync(Stream csv, CancellationToken cancellationToken = default) =>
        (await RunAsync(csv, dryRun: false, cancellationToken)).Report;

    public async Task<PartnerImportReport> ImportAsync(string csv, CancellationToken cancellationToken = default) =>
        (await RunAsync(csv, dryRun: false, cancellationToken)).Report;

    /// <summary>Imports <paramref name="csv"/>, or with <paramref name="dryRun"/> only says what importing it would do
    /// (the same report) and writes nothing. The result names every partner written, with its registry fields before.</summary>
    public async Task<PartnerImportResult> RunAsync(Stream csv, bool dryRun, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            using var reader = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return new PartnerImportResult(PartnerImportReport.ForFileError("The file is not UTF-8 text."), []);
        }
        return await RunAsync(text.TrimStart('\uFEFF'), dryRun, cancellationToken);
    }

    public async Task<PartnerImportResult> RunAsync(string csv, bool dryRun, CancellationToken cancellationToken = default)
    {
        var read = PartnerCsvReader.Read(csv);
        if (read.FileError is not null)
        {
            return new PartnerImportResult(PartnerImportReport.ForFileError(read.FileError), []);
        }
        var existing = (await store.ListAllAsync(cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var plan = PartnerImportPlanner.Plan(read, existing, CountryCatalog.Default);
        if (dryRun) return new PartnerImportResult(plan.Report, []);
        await store.UpsertManyAsync(plan.ToWrite, cancellationToken);
        return new PartnerImportResult(plan.Report, [.. plan.ToWrite.Select(p => (existing.GetValueOrDefault(p.Id), p))]);
    }
}
