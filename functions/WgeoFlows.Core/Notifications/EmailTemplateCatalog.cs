using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;

namespace WgeoFlows.Notifications;

/// <summary>
/// Every email template and layout, read from the embedded Templates/*.liquid files and parsed once when the catalog
/// is built (a singleton), so rendering never parses and a broken template stops the app at start, not at a send.
/// After construction the catalog is read-only, hence safe to share between threads.
/// </summary>
public sealed partial class EmailTemplateCatalog
{
    public const string DefaultLanguage = "en";
    internal const string LayoutName = "_layout";
    private const string ResourcePrefix = "WgeoFlows.Notifications.Templates.";
    private const string ResourceSuffix = ".liquid";

    internal static readonly string[] TemplateSections = ["subject", "footer", "html", "text"];
    internal static readonly string[] LayoutSections = ["html", "text"];

    private static readonly FluidParser Parser = new();

    private readonly Dictionary<(string Name, string Language), IReadOnlyDictionary<string, IFluidTemplate>> _files = [];

    public EmailTemplateCatalog()
    {
        var assembly = typeof(EmailTemplateCatalog).Assembly;
        var problems = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal)) continue;
            var fileName = resource[ResourcePrefix.Length..];
            var parts = fileName[..^ResourceSuffix.Length].Split('.');
            if (parts.Length != 2)
            {
                problems.Add($"{fileName}: name it {{template}}.{{language}}.liquid");
                continue;
            }
            var (name, language) = (parts[0], parts[1]);
            var expected = name == LayoutName ? LayoutSections : TemplateSections;
            var parsed = Parse(fileName, Read(assembly, resource), expected, problems);
            if (parsed is not null) _files[(name, language)] = parsed;
        }

        foreach (var name in EmailTemplates.All.Where(n => !_files.ContainsKey((n, DefaultLanguage))))
        {
            problems.Add($"{name}.{DefaultLanguage}.liquid is missing: every template needs its English version");
        }
        foreach (var language in _files.Keys.Select(k => k.Language).Distinct().Where(l => !_files.ContainsKey((LayoutName, l))))
        {
            problems.Add($"{LayoutName}.{language}.liquid is missing: templates in '{language}' need a layout in the same language");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The email templates are broken:\n" + string.Join('\n', problems));
        }
    }

    /// <summary>The languages <paramref name="template"/> is written in.</summary>
    public IReadOnlyList<string> LanguagesOf(string template) =>
        _files.Keys.Where(k => k.Name == template).Select(k => k.Language).Order(StringComparer.Ordinal).ToList();

    /// <summary>The language a mail in <paramref name="language"/> is actually written in: that one if the template has
    /// it, English otherwise.</summary>
    public string ResolveLanguage(string template, string language) =>
        _files.ContainsKey((template, language)) ? language : DefaultLanguage;

    internal IReadOnlyDictionary<string, IFluidTemplate> Template(string template, string resolvedLanguage) => _files[(template, resolvedLanguage)];

    internal IReadOnlyDictionary<string, IFluidTemplate> Layout(string resolvedLanguage) => _files[(LayoutName, resolvedLanguage)];

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, IFluidTemplate>? Parse(string fileName, string source, string[] expected, List<string> problems)
    {
        var repeated = SectionLine().Matches(source).GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) problems.Add($"{fileName}: section(s) {string.Join(", ", repeated)} appear more than once");
        var sections = SplitSections(source);
        var missing = expected.Where(s => !sections.ContainsKey(s)).ToList();
        var unknown = sections.Keys.Where(s => !expected.Contains(s)).ToList();
        if (missing.Count > 0) problems.Add($"{fileName}: missing section(s) {string.Join(", ", missing)}");
        if (unknown.Count > 0) problems.Add($"{fileName}: unknown section(s) {string.Join(", ", unknown)}; expected {string.Join(", ", expected)}");
        if (repeated.Count > 0 || missing.Count > 0 || unknown.Count > 0) return null;

        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var (section, text) in sections)
        {
            if (Parser.TryParse(text, out var template, out var error)) parsed[section] = template;
            else problems.Add($"{fileName}, section {section}: {error}");
        }
        return parsed.Count == sections.Count ? parsed : null;
    }

    /// <summary>Splits a file at its "=== name ===" lines. Whatever comes before the first one is a note for editors.</summary>
    internal static Dictionary<string, string> SplitSections(string source)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = SectionLine().Matches(source);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : source.Length;
            sections[matches[i].Groups[1].Value] = source[start..end].Trim('\r', '\n');
        }
        return sections;
    }

    [GeneratedRegex(@"^===[ \t]*([a-z]+)[ \t]*===[ \t]*\r?$\n?", RegexOptions.Multiline)]
    private static partial Regex SectionLine();
}
