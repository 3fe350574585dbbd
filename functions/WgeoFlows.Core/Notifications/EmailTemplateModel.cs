using System.Globalization;
using Fluid;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Status;
using WgeoFlows.Reference;

namespace WgeoFlows.Notifications;

/// <summary>
/// What a template can use (documented for editors in Templates/README.md): <c>request</c>, <c>values</c>, <c>lines</c>,
/// <c>recipient</c>, <c>labels</c>, <c>formatted</c>, <c>partners</c>, <c>status</c>, <c>language</c>. Members are camelCase.
/// </summary>
internal static class EmailTemplateModel
{
    /// <summary>The options every render shares: built once, before any render, as Fluid requires of registrations.</summary>
    public static readonly TemplateOptions Options = CreateOptions();

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            // A misspelt name in a template fails the render (and the tests) instead of silently printing nothing.
            StrictVariables = true,
            StrictFilters = true,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        options.MemberAccessStrategy.Register<SupportRequest>();
        options.MemberAccessStrategy.Register<Organization>();
        options.MemberAccessStrategy.Register<Contact>();
        options.MemberAccessStrategy.Register<StoredAttachment>();
        options.MemberAccessStrategy.Register<InformationExchange>();
        options.MemberAccessStrategy.Register<RecipientModel>();
        options.MemberAccessStrategy.Register<PartnerModel>();
        return options;
    }

    public static TemplateContext CreateContext(SupportRequest request, EmailRecipient? recipient,
        IReadOnlyDictionary<string, string> values, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var lines = values.ToDictionary(v => v.Key, v => SplitLines(v.Value));
        var context = new TemplateContext(Options) { CultureInfo = culture };
        context.SetValue("request", request);
        context.SetValue("values", values.ToDictionary(v => v.Key, v => v.Value));
        context.SetValue("lines", lines);
        context.SetValue("recipient", new RecipientModel(recipient?.Name?.Trim() ?? "", recipient?.Email ?? ""));
        context.SetValue("labels", Labels(request, language));
        context.SetValue("formatted", Formatted(request, culture));
        context.SetValue("partners", Partners(lines));
        context.SetValue("status", StatusTexts.Describe(request.Status, language).Title);
        context.SetValue("language", language);
        return context;
    }

    /// <summary>The taxonomy's labels in the mail's language (English, then the id, where a label is missing).</summary>
    private static Dictionary<string, object> Labels(SupportRequest request, string language) => new()
    {
        ["platform"] = Taxonomy.Label(Taxonomy.Platforms, request.Organization.Platform, language),
        ["country"] = CountryName(request.Organization.Country),
        ["thematicAreas"] = request.ThematicAreas.Select(id => Taxonomy.Label(Taxonomy.ThematicAreas, id, language)).ToArray(),
        ["supportTypes"] = request.SupportTypes.Select(id => Taxonomy.Label(Taxonomy.SupportTypes, id, language)).ToArray(),
        ["preferredRegions"] = request.PreferredRegions.Select(id => Taxonomy.Label(Taxonomy.Regions, id, language)).ToArray(),
    };

    /// <summary>The country catalog names countries in English only; an unknown code shows as it is.</summary>
    private static string CountryName(string code) => CountryCatalog.Default.Find(code)?.Name ?? code;

    private static Dictionary<string, string> Formatted(SupportRequest request, CultureInfo culture) => new()
    {
        ["budget"] = request.BudgetUsd is { } budget ? budget.ToString("N0", culture) + " USD" : "",
        ["neededBy"] = request.NeededBy?.ToString("D", culture) ?? "",
        ["submittedAt"] = request.SubmittedAt.UtcDateTime.ToString("D", culture),
    };

    /// <summary>The introduction's partners, zipped from the four one-per-line values (absent for other mails).</summary>
    private static List<PartnerModel> Partners(Dictionary<string, string[]> lines)
    {
        var names = lines.GetValueOrDefault(EmailValueKeys.PartnerNames) ?? [];
        string At(string key, int i) => lines.GetValueOrDefault(key) is { } list && i < list.Length ? list[i] : "";
        return names.Select((name, i) => new PartnerModel(
            name,
            At(EmailValueKeys.PartnerOrganizations, i),
            At(EmailValueKeys.PartnerEmails, i),
            At(EmailValueKeys.PartnerCountries, i) is { Length: > 0 } country ? CountryName(country) : "")).ToList();
    }

    private static string[] SplitLines(string value) =>
        value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The person a mail is addressed to; Name is empty when unknown or when the mail goes to several people.</summary>
internal sealed record RecipientModel(string Name, string Email);

internal sealed record PartnerModel(string Name, string Organization, string Email, string Country);
