using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.ChangeLog;

/// <summary>
/// The values before and after a change, as the change log stores them: JSON. An address inside a JSON string may be
/// escaped (<c>o\u0027brien@example.org</c>), which a search of the raw text would miss, so the string values are read
/// and rewritten one by one, decoded. A value that is not JSON is treated as plain text.
/// </summary>
public static class ChangeValues
{
    /// <summary>True when a string value of <paramref name="json"/> holds the address <paramref name="normalized"/>.</summary>
    public static bool Names(string? json, string normalized) =>
        !string.IsNullOrEmpty(json) && Strings(json).Any(text => EmailsInText.Names(text, normalized));

    /// <summary><paramref name="json"/> with every string value passed through <paramref name="map"/>; the same text when
    /// nothing changed (so that an untouched row is not written).</summary>
    public static string Map(string json, Func<string, string> map)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return map(json);
        }
        if (root is null) return json;
        var changed = false;
        root = Walk(root, map, ref changed);
        return changed ? root!.ToJsonString(StorageJson.Options) : json;
    }

    private static IEnumerable<string> Strings(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return [json];
        }
        var found = new List<string>();
        Collect(root, found);
        return found;
    }

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    found.Add(name);
                    Collect(value, found);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, found);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                found.Add(v.GetValue<string>());
                break;
        }
    }

    private static JsonNode? Walk(JsonNode? node, Func<string, string> map, ref bool changed)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    var value = o[name];
                    var replaced = Walk(value, map, ref changed);
                    if (!ReferenceEquals(replaced, value)) o[name] = replaced;
                }
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var item = a[i];
                    var replaced = Walk(item, map, ref changed);
                    if (!ReferenceEquals(replaced, item)) a[i] = replaced;
                }
                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                var mapped = map(text);
                if (mapped == text) return v;
                changed = true;
                return JsonValue.Create(mapped);
            default:
                return node;
        }
    }
}
