using System.Globalization;
using WgeoFlows.Intake;
using WgeoFlows.Reference;

namespace WgeoFlows.Web;

/// <summary>The human labels of a request for pages: taxonomy ids and codes turned into words.</summary>
public static class RequestView
{
    public static Dictionary<string, object?> Labels(SupportRequest r, string language = "en") => new()
    {
        ["platformLabel"] = Taxonomy.Label(Taxonomy.Platforms, r.Organization.Platform, language),
        ["countryLabel"] = CountryCatalog.Default.Find(r.Organization.Country)?.Name ?? r.Organization.Country,
        ["thematicLabels"] = string.Join(", ", r.ThematicAreas.Select(t => Taxonomy.Label(Taxonomy.ThematicAreas, t, language))),
        ["supportLabels"] = string.Join(", ", r.SupportTypes.Select(t => Taxonomy.Label(Taxonomy.SupportTypes, t, language))),
        ["regionLabels"] = string.Join(", ", r.PreferredRegions.Select(t => Taxonomy.Label(Taxonomy.Regions, t, language))),
        ["budget"] = r.BudgetUsd is { } b ? "USD " + b.ToString("N0", CultureInfo.InvariantCulture) : null,
        ["submitted"] = r.SubmittedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
    };

    public static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
