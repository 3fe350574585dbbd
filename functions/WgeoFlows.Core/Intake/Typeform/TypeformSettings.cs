using Microsoft.Extensions.Configuration;

namespace WgeoFlows.Intake.Typeform;

/// <summary>
/// <c>Intake:Typeform:*</c>: the webhook secret, and how a form's answers map to the contract.
/// <list type="bullet">
/// <item><c>Intake:Typeform:Secret</c>: the secret set on the Typeform webhook.</item>
/// <item><c>Intake:Typeform:Fields:&lt;contract path&gt;</c> = Typeform field <c>ref</c>, e.g.
/// <c>Intake:Typeform:Fields:organization.name = org_name</c> (in environment variables the dot may also be written as
/// <c>__</c>: <c>Intake__Typeform__Fields__organization__name</c>). A ref <c>hidden:lang</c> reads the hidden field
/// <c>lang</c>. A path with no entry is read from the ref equal to the path with <c>_</c> for <c>.</c>
/// (<c>organization_name</c>, <c>request_thematicAreas</c>).</item>
/// <item><c>Intake:Typeform:Choices:&lt;contract path&gt;:&lt;choice label&gt;</c> = id, for choice labels that are neither an id
/// nor a label of the taxonomy (or, for the country, neither a code nor its English name).</item>
/// </list>
/// </summary>
public sealed class TypeformSettings
{
    public const string Section = "Intake:Typeform";

    /// <summary>The contract paths an answer can fill, and the kind of value each takes.</summary>
    public static IReadOnlyDictionary<string, TypeformValueKind> ContractPaths { get; } = new Dictionary<string, TypeformValueKind>(StringComparer.Ordinal)
    {
        ["organization.name"] = TypeformValueKind.Text,
        ["organization.platform"] = TypeformValueKind.Id,
        ["organization.country"] = TypeformValueKind.Id,
        ["organization.website"] = TypeformValueKind.Text,
        ["contact.name"] = TypeformValueKind.Text,
        ["contact.email"] = TypeformValueKind.Text,
        ["contact.language"] = TypeformValueKind.Id,
        ["request.title"] = TypeformValueKind.Text,
        ["request.description"] = TypeformValueKind.Text,
        ["request.thematicAreas"] = TypeformValueKind.IdList,
        ["request.supportTypes"] = TypeformValueKind.IdList,
        ["request.preferredRegions"] = TypeformValueKind.IdList,
        ["request.budgetUsd"] = TypeformValueKind.Number,
        ["request.neededBy"] = TypeformValueKind.Text,
    };

    public string Secret { get; init; } = "";

    /// <summary>Contract path → Typeform field ref, for every contract path (configured or by convention).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = DefaultFields();

    /// <summary>Contract path → (choice label → id), labels compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Choices { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public static TypeformSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var fields = DefaultFields();
        foreach (var (key, value) in Leaves(section.GetSection("Fields")))
        {
            var path = Canonical(key.Replace(':', '.'));
            if (path is null)
                throw new InvalidOperationException($"{Section}:Fields:{key} names no contract field; use one of: {string.Join(", ", ContractPaths.Keys)}.");
            fields[path] = value;
        }
        var choices = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, value) in Leaves(section.GetSection("Choices")))
        {
            // The label is the last segment; the path before it may be written with ':' or '.'.
            var split = key.LastIndexOf(':');
            var path = split < 0 ? null : Canonical(key[..split].Replace(':', '.'));
            if (path is null || ContractPaths[path] is not (TypeformValueKind.Id or TypeformValueKind.IdList))
                throw new InvalidOperationException($"{Section}:Choices:{key} must be <choice field path>:<label>, e.g. organization.platform:Cities.");
            if (!choices.TryGetValue(path, out var map)) choices[path] = map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            ((Dictionary<string, string>)map)[key[(split + 1)..]] = value;
        }
        return new TypeformSettings { Secret = section["Secret"] ?? "", Fields = fields, Choices = choices };
    }

    private static string? Canonical(string path) =>
        ContractPaths.Keys.FirstOrDefault(k => k.Equals(path, StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> DefaultFields() =>
        ContractPaths.Keys.ToDictionary(p => p, p => p.Replace('.', '_'), StringComparer.Ordinal);

    private static IEnumerable<(string Key, string Value)> Leaves(IConfigurationSection section) =>
        section.AsEnumerable(makePathsRelative: true)
            .Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .Select(e => (e.Key, e.Value!.Trim()));
}

public enum TypeformValueKind { Text, Number, Id, IdList }
