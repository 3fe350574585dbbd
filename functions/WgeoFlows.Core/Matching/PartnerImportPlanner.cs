using WgeoFlows.Reference;

namespace WgeoFlows.Matching;

public sealed record PartnerImportPlan(PartnerImportReport Report, IReadOnlyList<Partner> ToWrite);

/// <summary>Decides, without touching storage, what an import does with each row given the partners already stored.</summary>
public static class PartnerImportPlanner
{
    public static PartnerImportPlan Plan(PartnerCsvReadResult read, IReadOnlyDictionary<string, Partner> existing, CountryCatalog countries)
    {
        if (read.FileError is not null)
        {
            return new PartnerImportPlan(PartnerImportReport.ForFileError(read.FileError), []);
        }

        var rows = new List<PartnerImportRow>(read.Rows.Count);
        var toWrite = new List<Partner>();
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in read.Rows)
        {
            var id = string.IsNullOrWhiteSpace(row.Input.Id) ? null : row.Input.Id.Trim();
            var validation = PartnerValidator.Validate(row.Input, countries);
            var errors = validation.Errors.ToList();
            if (row.FormatError is not null) errors.Insert(0, row.FormatError);
            if (id is not null && !firstLineById.TryAdd(id, row.Line))
            {
                errors.Add($"id: '{id}' already appears on line {firstLineById[id]} of this file.");
            }
            if (errors.Count > 0)
            {
                rows.Add(new PartnerImportRow(row.Line, id, PartnerImportOutcome.Rejected, errors));
                continue;
            }

            var partner = validation.Partner!;
            var outcome = !existing.TryGetValue(partner.Id, out var stored) ? PartnerImportOutcome.Created
                : stored.HasSameRegistryFieldsAs(partner) ? PartnerImportOutcome.Unchanged
                : PartnerImportOutcome.Updated;
            if (outcome != PartnerImportOutcome.Unchanged) toWrite.Add(partner);
            rows.Add(new PartnerImportRow(row.Line, partner.Id, outcome, []));
        }
        return new PartnerImportPlan(new PartnerImportReport(null, rows), toWrite);
    }
}
