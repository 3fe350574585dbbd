using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WgeoFlows.Shared;

/// <summary>The one JSON shape of the app: camelCase, enums by name, so stored rows and API answers read the same.</summary>
public static class WgeoJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The API is read by scripts as well as browsers; escape only what JSON itself requires
            // plus HTML-significant characters (the default encoder does this).
            Encoder = JavaScriptEncoder.Default,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
