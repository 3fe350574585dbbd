using System.Text.Json.Nodes;

namespace WgeoFlows.Deployment.Tests.Support;

/// <summary>Reads the compiled main template: its resources at any depth (modules are nested deployments) and the app
/// settings that main.bicep passes to modules/appsettings.bicep.</summary>
public static class ArmTemplate
{
    /// <summary>Every resource declaration in the template and in every nested (module) template.</summary>
    public static IReadOnlyList<JsonObject> Resources(JsonObject template)
    {
        var found = new List<JsonObject>();
        Collect(template, found);
        return found;
    }

    public static IReadOnlyList<JsonObject> ResourcesOfType(JsonObject template, string type) =>
        Resources(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The app settings object: the "settings" parameter of the module that deploys them.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(JsonObject template)
    {
        var module = ResourcesOfType(template, "Microsoft.Resources/deployments")
            .Single(d => d["properties"] is JsonObject p && p["parameters"] is JsonObject parameters && parameters["settings"] is not null);
        var settings = module["properties"]!["parameters"]!["settings"]!["value"]!.AsObject();
        return settings.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase);
    }

    private static void Collect(JsonObject template, List<JsonObject> found)
    {
        var resources = template["resources"];
        IEnumerable<JsonNode?> items = resources switch
        {
            JsonObject byName => byName.Select(p => p.Value), // languageVersion 2.0: resources keyed by symbolic name
            JsonArray list => list,
            _ => [],
        };
        foreach (var resource in items.OfType<JsonObject>())
        {
            found.Add(resource);
            // A resource's properties may be one expression (a string), e.g. the app settings object.
            if (resource["properties"] is JsonObject { } properties && properties["template"] is JsonObject nested) Collect(nested, found);
        }
    }
}
