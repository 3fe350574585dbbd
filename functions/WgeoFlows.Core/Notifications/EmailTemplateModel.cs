using Fluid;
using Fluid.Values;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Status;
using WgeoFlows.Localization;
using WgeoFlows.Reference;

namespace WgeoFlows.Notifications;

/// <summary>
/// What a template can use (documented for editors in Templates/README.md): <c>request</c>, <c>values</c>, <c>lines</c>,
/// <c>recipient</c>, <c>labels</c>, <c>formatted</c>, <c>partners</c>, <c>others</c>, <c>status</c>, <c>language</c>,
/// <c>direction</c>, and the filters <c>t</c> (the catalog) and <c>bidi</c>. Members are camelCase.
/// </summary>
internal static class EmailTemplateModel
{
    /// <summary>The options every render shares: built once, before any render, as Fluid requires of registrations.</summary>
    public static readonly TemplateOptions Options = CreateOptions();

    private const string TextsKey = "wgeo.mail.texts";

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
        options.AddTexts();
        options.Filters.AddFilter("bidi", Bidi);
        return options;
    }

    public static TemplateContext CreateContext(SupportRequest request, EmailRecipient? recipient,
        IReadOnlyDictionary<string, string> values, Texts texts)
    {
        var language = texts.Language.Code;
        var given = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var optional in EmailValueKeys.Optional) given.TryAdd(optional, "");
        var lines = given.ToDictionary(v => v.Key, v => SplitLines(v.Value));
        var context = new TemplateContext(Options) { CultureInfo = texts.Culture };
        context.UseTexts(texts);
        context.AmbientValues[TextsKey] = texts;
        var partners = Partners(lines, language);
        context.SetValue("request", request);
        context.SetValue("values", given);
        context.SetValue("lines", lines);
        context.SetValue("recipient", new RecipientModel(recipient?.Name?.Trim() ?? "", recipient?.Email ?? ""));
        context.SetValue("labels", Labels(request, texts));
        context.SetValue("formatted", Formatted(request, texts));
        context.SetValue("partners", partners);
        // For a partner's introduction: the other partners, never the recipient themself.
        context.SetValue("others", partners.Where(p => !string.Equals(p.Email, recipient?.Email, StringComparison.OrdinalIgnoreCase)).ToList());
        context.SetValue("status", StatusTexts.Describe(request.Status, language).Title);
        context.SetValue("language", language);
        context.SetValue("direction", texts.Language.Direction);
        return context;
    }

    /// <summary>The taxonomy's labels and the country's name in the mail's language; the lists also joined as the
    /// language lists words ("、" in Chinese, "، " in Arabic), for the texts that take them as one value.</summary>
    private static Dictionary<string, object> Labels(SupportRequest request, Texts texts)
    {
        var language = texts.Language.Code;
        var separator = texts["mail.layout.separator"];
        var thematicAreas = request.ThematicAreas.Select(id => Taxonomy.Label(Taxonomy.ThematicAreas, id, language)).ToArray();
        var supportTypes = request.SupportTypes.Select(id => Taxonomy.Label(Taxonomy.SupportTypes, id, language)).ToArray();
        var regions = request.PreferredRegions.Select(id => Taxonomy.Label(Taxonomy.Regions, id, language)).ToArray();
        return new()
        {
            ["platform"] = Taxonomy.Label(Taxonomy.Platforms, request.Organization.Platform, language),
            ["country"] = CountryCatalog.Default.NameIn(request.Organization.Country, language),
            ["thematicAreas"] = thematicAreas,
            ["supportTypes"] = supportTypes,
            ["preferredRegions"] = regions,
            ["thematicAreasText"] = string.Join(separator, thematicAreas),
            ["supportTypesText"] = string.Join(separator, supportTypes),
            ["preferredRegionsText"] = string.Join(separator, regions),
        };
    }

    /// <summary>Amounts and dates as the mail's language writes them.</summary>
    private static Dictionary<string, string> Formatted(SupportRequest request, Texts texts) => new()
    {
        ["budget"] = request.BudgetUsd is { } budget ? texts.Format("mail.layout.usd", ("amount", texts.Number(budget))) : "",
        ["neededBy"] = request.NeededBy is { } neededBy ? texts.Date(neededBy) : "",
        ["submittedAt"] = texts.Date(request.SubmittedAt),
    };

    /// <summary>The introduction's partners, zipped from the four one-per-line values (absent for other mails).</summary>
    private static List<PartnerModel> Partners(Dictionary<string, string[]> lines, string language)
    {
        var names = lines.GetValueOrDefault(EmailValueKeys.PartnerNames) ?? [];
        string At(string key, int i) => lines.GetValueOrDefault(key) is { } list && i < list.Length ? list[i] : "";
        return names.Select((name, i) => new PartnerModel(
            name,
            At(EmailValueKeys.PartnerOrganizations, i),
            At(EmailValueKeys.PartnerEmails, i),
            At(EmailValueKeys.PartnerCountries, i) is { Length: > 0 } country ? CountryCatalog.Default.NameIn(country, language) : "")).ToList();
    }

    /// <summary>"bidi": a value printed on its own in the plain-text part, isolated in a right-to-left language so that an
    /// address, a reference or a Latin title keeps its own direction (the HTML part uses &lt;bdi&gt; instead).</summary>
    private static ValueTask<FluidValue> Bidi(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var texts = (Texts)context.AmbientValues[TextsKey];
        return new StringValue(texts.Isolate(input.ToStringValue()));
    }

    private static string[] SplitLines(string value) =>
        value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The person a mail is addressed to; Name is empty when unknown or when the mail goes to several people.</summary>
internal sealed record RecipientModel(string Name, string Email);

internal sealed record PartnerModel(string Name, string Organization, string Email, string Country);
