using CsvHelper;
using WgeoFlows.Shared;

namespace WgeoFlows.Matching;

public sealed record PartnerCsvRow(int Line, PartnerInput Input, string? FormatError);

public sealed record PartnerCsvReadResult(string? FileError, IReadOnlyList<PartnerCsvRow> Rows);

/// <summary>Reads the partner import format of the public contract (docs/integrators.md) into raw rows: the header is checked here, the
/// values by <see cref="PartnerValidator"/>. Pure: no storage.</summary>
public static class PartnerCsvReader
{
    public const int MaxRows = 10_000;

    public static readonly IReadOnlyList<string> RequiredColumns =
        ["id", "name", "platform", "country", "role", "thematicAreas", "supportTypes", "languages", "capacity", "email"];

    public const string OptionalActiveColumn = "active";
    public const string OptionalPublishableColumn = "publishable";

    /// <summary>Reads CSV text (already decoded; <see cref="PartnerCsvImporter"/> insists on UTF-8).</summary>
    public static PartnerCsvReadResult Read(string text)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            // Fixed, not detected: the ';' inside list cells must never be taken for the separator.
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => malformed[record.RecordNumber] = record.Reason,
        };
        using var csv = CsvReader.FromText(text, options);

        var header = csv.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            return new PartnerCsvReadResult("The file is empty: a header row is required.", []);
        }
        var headerError = CheckHeader(header, out var columnIndex);
        if (headerError is not null)
        {
            return new PartnerCsvReadResult(headerError, []);
        }

        var rows = new List<PartnerCsvRow>();
        while (csv.Read())
        {
            if (rows.Count == MaxRows)
            {
                return new PartnerCsvReadResult($"The file has more than {MaxRows:N0} rows; split it into several imports.", []);
            }
            // A spreadsheet-safe cell of an export ('=…) reads back as the value it was (SpreadsheetText).
            string? Cell(string column) =>
                columnIndex.TryGetValue(column, out var i) && i < csv.FieldCount ? SpreadsheetText.Unescape(csv.GetString(i)) : null;

            // Malformed records are numbered with the header as record 1.
            var formatError = malformed.Remove(csv.RowNumber + 1, out var reason)
                ? $"the row is not well-formed CSV ({reason}); check its quotes."
                : csv.FieldCount != header.Length
                    ? $"the row has {csv.FieldCount} fields where the header has {header.Length}."
                    : null;

            rows.Add(new PartnerCsvRow((int)csv.LineNumber, new PartnerInput
            {
                Id = Cell("id"),
                Name = Cell("name"),
                Platform = Cell("platform"),
                Country = Cell("country"),
                Role = Cell("role"),
                ThematicAreas = PartnerInput.SplitList(Cell("thematicAreas")),
                SupportTypes = PartnerInput.SplitList(Cell("supportTypes")),
                Languages = PartnerInput.SplitList(Cell("languages")),
                Capacity = Cell("capacity"),
                Email = Cell("email"),
                Active = Cell(OptionalActiveColumn),
                Publishable = Cell(OptionalPublishableColumn),
            }, formatError));
        }
        return new PartnerCsvReadResult(null, rows);
    }

    // Column names are matched case-insensitively, in any order; the index maps the contract's spelling to the column.
    private static string? CheckHeader(string[] header, out Dictionary<string, int> columnIndex)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        columnIndex = index;
        var known = RequiredColumns.Append(OptionalActiveColumn).Append(OptionalPublishableColumn).ToList();
        var unknown = new List<string>();
        var duplicated = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var canonical = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null) unknown.Add(name);
            else if (!index.TryAdd(canonical, i)) duplicated.Add(canonical);
        }
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();

        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"missing columns: {string.Join(", ", missing)}");
        if (unknown.Count > 0) problems.Add($"unknown columns: {Echo.QuotedList(unknown)}");
        if (duplicated.Count > 0) problems.Add($"repeated columns: {string.Join(", ", duplicated)}");
        return problems.Count == 0
            ? null
            : $"The header row is not the partner import header ({string.Join("; ", problems)}). " +
                $"Expected: {string.Join(",", RequiredColumns)} and optionally {OptionalActiveColumn}, {OptionalPublishableColumn}.";
    }
}
