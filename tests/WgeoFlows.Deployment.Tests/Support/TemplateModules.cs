using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WgeoFlows.Deployment.Tests.Support;

/// <summary>
/// main.bicep's modules as the compiled template holds them (languageVersion 2.0: resources keyed by symbolic name, so a
/// module's outputs are read as <c>reference('storage').outputs.name.value</c>), and expressions resolved across them:
/// which module an expression reads from, and what a module's parameter is given.
/// </summary>
public static partial class TemplateModules
{
    /// <summary>Every module of main.bicep by its symbolic name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> All(JsonObject template) =>
        template["resources"]!.AsObject()
            .Where(r => (string?)r.Value!["type"] == "Microsoft.Resources/deployments")
            .ToDictionary(r => r.Key, r => r.Value!.AsObject());

    public static JsonObject Module(JsonObject template, string symbolicName) =>
        All(template).TryGetValue(symbolicName, out var module) ? module : throw new InvalidOperationException($"main.bicep has no module {symbolicName}.");

    /// <summary>The expression (or literal) main.bicep passes to a module's parameter.</summary>
    public static string Parameter(JsonObject module, string name) =>
        module["properties"]!["parameters"]![name]?["value"]?.ToString()
            ?? throw new InvalidOperationException($"The module does not get a parameter {name}.");

    public static IReadOnlyList<JsonObject> Resources(JsonObject module) =>
        module["properties"]!["template"]!["resources"] switch
        {
            JsonArray list => list.OfType<JsonObject>().ToList(),
            JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>().ToList(),
            _ => [],
        };

    /// <summary>The module whose output an expression reads, e.g. "identity" for
    /// <c>[reference('identity').outputs.clientId.value]</c>; null when it reads none, an error when it reads two.</summary>
    public static string? ReadFrom(string expression, string output)
    {
        var modules = ModuleOutput().Matches(expression).Where(m => m.Groups["output"].Value == output)
            .Select(m => m.Groups["module"].Value).Distinct().ToList();
        return modules.Count <= 1 ? modules.SingleOrDefault() : throw new InvalidOperationException($"{expression} reads {output} of several modules.");
    }

    /// <summary>A nested template's <c>[parameters('x')]</c> resolved to what main.bicep passes to the module as x.</summary>
    public static string Resolve(JsonObject module, string expression) =>
        WholeParameter().Match(expression) is { Success: true } m ? Parameter(module, m.Groups["name"].Value) : expression;

    [GeneratedRegex(@"reference\('(?<module>[A-Za-z0-9_]+)'\)\.outputs\.(?<output>[A-Za-z0-9_]+)\.value")]
    private static partial Regex ModuleOutput();

    [GeneratedRegex(@"^\[parameters\('(?<name>[A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex WholeParameter();
}
