using System.Text.Json;

namespace WgeoFlows.Reference;

/// <summary>Reads the JSON files of this folder, embedded in the assembly so that the reference data
/// ships with the code that relies on it and cannot go missing on a host.</summary>
internal static class EmbeddedReferenceData
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <param name="name">The file's name without ".json" (the test of the catalog reads a quoted area.name as a catalog key).</param>
    internal static T Read<T>(string name)
    {
        var resourceName = $"WgeoFlows.Reference.{name}.json";
        using var stream = typeof(EmbeddedReferenceData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded reference data '{resourceName}' is missing from the assembly.");
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The embedded reference data '{resourceName}' is empty.");
    }
}
