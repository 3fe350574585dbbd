using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using WgeoFlows.Notifications;

namespace WgeoFlows.Admin.Digest;

/// <summary>What the digest template prints (members are camelCase in the template).</summary>
public sealed record DigestModel(
    string Date,
    string AdminUrl,
    IReadOnlyList<DigestCount> Counts,
    IReadOnlyList<DigestWaiting> Waiting,
    IReadOnlyList<DigestFailure> Failures,
    IReadOnlyList<DigestFlag> Flagged,
    long TotalOpen,
    int Late);

public sealed record DigestCount(string Status, long Count);
public sealed record DigestWaiting(string RequestId, string Title, string Status, string Age, string State);
public sealed record DigestFailure(string RequestId, string Title, string UpdatedAt);
public sealed record DigestFlag(string RequestId, string Detail);

/// <summary>
/// Renders the template "admin-digest" (English; admin mails are in English like needs-manual-match). It is not about one
/// request, so it has its own model and file (Admin/Digest/admin-digest.en.liquid) in the notification templates'
/// section format; the HTML part is rendered with <see cref="HtmlEncoder.Default"/>, subject and text as plain text.
/// </summary>
public sealed class DigestRenderer
{
    public const string Template = "admin-digest";
    public const string Language = "en";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();
    private readonly IReadOnlyDictionary<string, IFluidTemplate> _sections = Load();

    public async Task<RenderedEmail> RenderAsync(DigestModel model)
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
        options.MemberAccessStrategy.Register<DigestModel>();
        options.MemberAccessStrategy.Register<DigestCount>();
        options.MemberAccessStrategy.Register<DigestWaiting>();
        options.MemberAccessStrategy.Register<DigestFailure>();
        options.MemberAccessStrategy.Register<DigestFlag>();
        return options;
    }

    private static Dictionary<string, IFluidTemplate> Load()
    {
        const string resource = "WgeoFlows.Admin.Digest.admin-digest.en.liquid";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The digest template {resource} is not embedded.");
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
