using System.Text;
using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

/// <summary>Imports partners from the CSV of <c>POST /api/admin/partners/import</c>: good rows are stored, bad rows are
/// reported, unchanged rows are not rewritten (so importing the same file again changes nothing).</summary>
public sealed class PartnerCsvImporter(PartnerStore store)
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="csv">UTF-8 bytes (a byte order mark is allowed); the caller bounds their size.</param>
    public async Task<PartnerImportReport> ImportAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            using var reader = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return PartnerImportReport.ForFileError("The file is not UTF-8 text.");
        }
        return await ImportAsync(text.TrimStart('\uFEFF'), cancellationToken);
    }

    public async Task<PartnerImportReport> ImportAsync(string csv, CancellationToken cancellationToken = default)
    {
        var read = PartnerCsvReader.Read(csv);
        if (read.FileError is not null)
        {
            return PartnerImportReport.ForFileError(read.FileError);
        }
        var existing = (await store.ListAllAsync(cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var plan = PartnerImportPlanner.Plan(read, existing, CountryCatalog.Default);
        await store.UpsertManyAsync(plan.ToWrite, cancellationToken);
        return plan.Report;
    }
}
