using System.Globalization;
using WgeoFlows.Intake;
using WgeoFlows.Localization;
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

    /// <summary>The labels in the language of <paramref name="texts"/>: names from the catalogs, the amount and the date
    /// written as that language writes them.</summary>
    public static Dictionary<string, object?> Labels(SupportRequest r, Texts texts)
    {
        var language = texts.Language.Code;
        var labels = Labels(r, language);
        labels["countryLabel"] = CountryCatalog.Default.NameIn(r.Organization.Country, language);
        labels["budget"] = r.BudgetUsd is { } b ? "USD " + texts.Number(b) : null;
        labels["submitted"] = texts.DateTime(r.SubmittedAt);
        labels["neededBy"] = r.NeededBy is { } d ? texts.Date(d) : null;
        return labels;
    }

    public static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
