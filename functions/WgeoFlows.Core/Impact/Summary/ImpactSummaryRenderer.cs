using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using WgeoFlows.Notifications;

namespace WgeoFlows.Impact.Summary;

public sealed record ImpactSummaryModel(string Quarter, string PageUrl, IReadOnlyList<ImpactFigureView> Figures);

/// <summary>Renders "impact-summary" (English, like the other admin mails) from Impact/Summary/impact-summary.en.liquid,
/// in the notification templates' section format; the HTML part HTML-encoded.</summary>
public sealed class ImpactSummaryRenderer
{
    public const string Template = "impact-summary";
    public const string Language = "en";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();
    private readonly IReadOnlyDictionary<string, IFluidTemplate> _sections = Load();

    public async Task<RenderedEmail> RenderAsync(ImpactSummaryModel model)
    {
        var context = new TemplateContext(model, Options, allowModelMembers: true) { CultureInfo = CultureInfo.InvariantCulture };
        var subject = (await _sections["subject"].RenderAsync(context, NullEncoder.Default)).Trim();
        var html = await _sections["html"].RenderAsync(context, HtmlEncoder.Default);
        var text = (await _sections["text"].RenderAsync(context, NullEncoder.Default)).Trim() + "\n";
        return new RenderedEmail(Template, Language, subject, html, text);
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { StrictVariables = true, StrictFilters = true };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        options.MemberAccessStrategy.Register<ImpactSummaryModel>();
        options.MemberAccessStrategy.Register<ImpactFigureView>();
        return options;
    }

    private static Dictionary<string, IFluidTemplate> Load()
    {
        const string resource = "WgeoFlows.Impact.Summary.impact-summary.en.liquid";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The impact summary template {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        var sections = EmailTemplateCatalog.SplitSections(reader.ReadToEnd());
        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var name in new[] { "subject", "html", "text" })
        {
            if (!sections.TryGetValue(name, out var source)) throw new InvalidOperationException($"{resource} has no '{name}' section.");
            parsed[name] = Parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"{resource}, section {name}: {error}");
        }
        return parsed;
    }
}
