using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;

namespace WgeoFlows.Notifications;

/// <summary>
/// Every email template and the layout, read from the embedded Templates/{name}.liquid files (one per email, whatever the
/// language: the words come from the message catalog) and parsed once when the catalog is built (a singleton), so rendering
/// never parses and a broken template stops the app at start, not at a send. After construction the catalog is read-only,
/// hence safe to share between threads.
/// </summary>
public sealed partial class EmailTemplateCatalog
{
    internal const string LayoutName = "_layout";
    private const string ResourcePrefix = "WgeoFlows.Notifications.Templates.";
    private const string ResourceSuffix = ".liquid";

    internal static readonly string[] TemplateSections = ["subject", "footer", "html", "text"];
    internal static readonly string[] LayoutSections = ["html", "text"];

    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, IReadOnlyDictionary<string, IFluidTemplate>> _files = new(StringComparer.Ordinal);

    public EmailTemplateCatalog()
    {
        var assembly = typeof(EmailTemplateCatalog).Assembly;
        var problems = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal)) continue;
            var fileName = resource[ResourcePrefix.Length..];
            var name = fileName[..^ResourceSuffix.Length];
            if (name.Contains('.', StringComparison.Ordinal))
            {
                problems.Add($"{fileName}: name it {{template}}.liquid; one file serves every language, its words come from the catalog");
                continue;
            }
            var expected = name == LayoutName ? LayoutSections : TemplateSections;
            var parsed = Parse(fileName, Read(assembly, resource), expected, problems);
            if (parsed is not null) _files[name] = parsed;
        }

        foreach (var name in EmailTemplates.All.Append(LayoutName).Where(n => !_files.ContainsKey(n)))
        {
            problems.Add($"{name}.liquid is missing");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The email templates are broken:\n" + string.Join('\n', problems));
        }
    }

    internal IReadOnlyDictionary<string, IFluidTemplate> Template(string template) => _files[template];

    internal IReadOnlyDictionary<string, IFluidTemplate> Layout() => _files[LayoutName];

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
