using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;

namespace WgeoFlows.Notifications;

/// <summary>
/// An English admin mail that is not about one request (the daily digest, the quarterly impact summary): one embedded
/// template in the notification templates' section format, rendered from its own model. The HTML part is encoded with
/// <see cref="HtmlEncoder.Default"/>; subject and text are plain text. Parsed once; a broken template fails at start.
/// </summary>
public sealed class StandaloneEmailTemplate
{
    public const string Language = "en";

    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions _options;
    private readonly IReadOnlyDictionary<string, IFluidTemplate> _sections;

    /// <param name="template">The template's name, recorded with each mail.</param>
    /// <param name="resource">The embedded resource holding the template.</param>
    /// <param name="modelTypes">Every type whose members the template reads (camelCase in the template).</param>
    public StandaloneEmailTemplate(string template, string resource, params Type[] modelTypes)
    {
        Template = template;
        _options = new TemplateOptions { StrictVariables = true, StrictFilters = true };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        foreach (var type in modelTypes) _options.MemberAccessStrategy.Register(type);
        _sections = Load(resource);
    }

    public string Template { get; }

    public async Task<RenderedEmail> RenderAsync(object model)
    {
        var context = new TemplateContext(model, _options, allowModelMembers: true) { CultureInfo = CultureInfo.InvariantCulture };
        var subject = (await _sections["subject"].RenderAsync(context, NullEncoder.Default)).Trim();
        var html = await _sections["html"].RenderAsync(context, HtmlEncoder.Default);
        var text = (await _sections["text"].RenderAsync(context, NullEncoder.Default)).Trim() + "\n";
        return new RenderedEmail(Template, Language, subject, html, text);
    }

    private static Dictionary<string, IFluidTemplate> Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The mail template {resource} is not embedded.");
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
