using System.Globalization;
using CsvHelper;

namespace WgeoFlows.Matching;

/// <summary>
/// Writes the registry in the import's format (<see cref="PartnerCsvReader"/>): the required columns, then active and
/// publishable; lists joined by ';'. Cells holding commas, quotes or line breaks are quoted. Importing the written file
/// again reports every row unchanged. Pure: no storage.
/// </summary>
public static class PartnerCsvWriter
{
    public static readonly IReadOnlyList<string> Columns =
        [.. PartnerCsvReader.RequiredColumns, PartnerCsvReader.OptionalActiveColumn, PartnerCsvReader.OptionalPublishableColumn];

    public static string Write(IEnumerable<Partner> partners)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ',' }, leaveOpen: true))
        {
            foreach (var column in Columns) csv.WriteField(column);
            csv.EndRecord();
            foreach (var p in partners.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                csv.WriteField(SpreadsheetText.Escape(p.Id));
                csv.WriteField(SpreadsheetText.Escape(p.Name));
                csv.WriteField(p.Platform);
                csv.WriteField(p.Country);
                csv.WriteField(p.Role.ToId());
                csv.WriteField(string.Join(';', p.ThematicAreas));
                csv.WriteField(string.Join(';', p.SupportTypes));
                csv.WriteField(string.Join(';', p.Languages));
                csv.WriteField(p.Capacity.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(SpreadsheetText.Escape(p.Email));
                csv.WriteField(p.Active ? "true" : "false");
                csv.WriteField(p.Publishable ? "true" : "false");
                csv.EndRecord();
            }
            csv.Flush();
        }
        return text.ToString();
    }
}

/// <summary>
/// Keeps a spreadsheet from running a cell as a formula. The export is opened in spreadsheets by the secretariat, and a
/// partner's name or address is typed by people outside it: a cell starting with <c>=</c>, <c>+</c>, <c>-</c> or
/// <c>@</c> is written with a leading apostrophe, so that spreadsheets read it as text (some show the apostrophe). The import
/// takes that apostrophe off again, so an exported file imports back to the same values. A value that itself starts with
/// an apostrophe is written with one more, so that it too reads back as it was ("'s-Hertogenbosch" stays so).
/// </summary>
public static class SpreadsheetText
{
    private const char Marker = '\'';

    private static bool StartsFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';

    public static string Escape(string value) =>
        StartsFormula(value) || (value.Length > 0 && value[0] == Marker) ? Marker + value : value;

    /// <summary>The value <see cref="Escape"/> was given. A cell starting with one apostrophe followed by anything but a
    /// formula character or another apostrophe was not escaped, and is read as it is.</summary>
    public static string? Unescape(string? cell) =>
        cell is { Length: > 1 } && cell[0] == Marker && (StartsFormula(cell[1..]) || cell[1] == Marker) ? cell[1..] : cell;
}
