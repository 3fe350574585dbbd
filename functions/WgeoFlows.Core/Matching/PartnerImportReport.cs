using System.Text.Json.Serialization;

namespace WgeoFlows.Matching;

[JsonConverter(typeof(LowerCaseEnumConverter<PartnerImportOutcome>))]
public enum PartnerImportOutcome
{
    Created,
    Updated,
    /// <summary>Accepted, and identical to the stored partner: nothing was written.</summary>
    Unchanged,
    Rejected,
}

/// <param name="Line">The line of the file where the row starts, the header being line 1.</param>
/// <param name="Id">The id as written in the row, even when it is invalid (null when the cell is empty).</param>
public sealed record PartnerImportRow(int Line, string? Id, PartnerImportOutcome Outcome, IReadOnlyList<string> Errors)
{
    public bool Accepted => Outcome != PartnerImportOutcome.Rejected;
}

/// <summary>What an import did with every row. A <see cref="FileError"/> means the file as a whole was refused and nothing was imported.</summary>
public sealed record PartnerImportReport(string? FileError, IReadOnlyList<PartnerImportRow> Rows)
{
    public static PartnerImportReport ForFileError(string error) => new(error, []);

    public int Created => Count(PartnerImportOutcome.Created);
    public int Updated => Count(PartnerImportOutcome.Updated);
    public int Unchanged => Count(PartnerImportOutcome.Unchanged);
    public int Rejected => Count(PartnerImportOutcome.Rejected);

    private int Count(PartnerImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
