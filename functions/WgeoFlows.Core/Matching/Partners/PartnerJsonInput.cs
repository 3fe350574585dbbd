using System.Globalization;
using System.Text.Json;
using WgeoFlows.Shared;

namespace WgeoFlows.Matching.Partners;

/// <summary>Reads the JSON body of <c>PUT /api/admin/partners/{id}</c> into a <see cref="PartnerInput"/>, naming every field
/// of the wrong JSON type; the values themselves are checked by <see cref="PartnerValidator"/>, as for a CSV row.</summary>
public static class PartnerJsonInput
{
    private static readonly string[] Known =
        ["id", "name", "platform", "country", "role", "thematicAreas", "supportTypes", "languages", "capacity", "email", "active", "publishable"];

    /// <param name="routeId">The id of the URL: the body may repeat it, never contradict it.</param>
    public static (PartnerInput Input, Dictionary<string, List<string>> Errors) Read(JsonElement body, string routeId)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            // Read-only fields (region, openEngagements, …) come back when an admin PUTs what it GOT: ignore them.
            if (Known.Contains(property.Name, StringComparer.Ordinal)) fields[property.Name] = property.Value;
        }

        string? Text(string name)
        {
            if (!fields.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            Fail(name, "must be a string.");
            return null;
        }

        IReadOnlyList<string> List(string name)
        {
            if (!fields.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
            if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
            {
                return [.. v.EnumerateArray().Select(i => i.GetString()!)];
            }
            Fail(name, "must be an array of strings.");
            return [];
        }

        var id = Text("id");
        if (id is not null && !string.Equals(id.Trim(), routeId, StringComparison.Ordinal))
        {
            Fail("id", $"{Echo.Quoted(id)} differs from the id in the URL ({Echo.Quoted(routeId)}).");
        }

        string? capacity = null;
        if (fields.TryGetValue("capacity", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n)) capacity = n.ToString(CultureInfo.InvariantCulture);
            else Fail("capacity", "must be a whole number.");
        }

        string? active = null;
        if (fields.TryGetValue("active", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind is JsonValueKind.True or JsonValueKind.False) active = a.GetBoolean() ? "true" : "false";
            else Fail("active", "must be true or false.");
        }

        string? publishable = null;
        if (fields.TryGetValue("publishable", out var pub) && pub.ValueKind != JsonValueKind.Null)
        {
            if (pub.ValueKind is JsonValueKind.True or JsonValueKind.False) publishable = pub.GetBoolean() ? "true" : "false";
            else Fail("publishable", "must be true or false.");
        }

        var input = new PartnerInput
        {
            Id = routeId,
            Name = Text("name"),
            Platform = Text("platform"),
            Country = Text("country"),
            Role = Text("role"),
            ThematicAreas = List("thematicAreas"),
            SupportTypes = List("supportTypes"),
            Languages = List("languages"),
            Capacity = capacity,
            Email = Text("email"),
            Active = active,
            Publishable = publishable,
        };
        return (input, errors);
    }

    /// <summary>Adds <see cref="PartnerValidator"/>'s "field: message" errors to <paramref name="errors"/>, by field.</summary>
    public static void AddValidatorErrors(Dictionary<string, List<string>> errors, IEnumerable<string> validatorErrors)
    {
        foreach (var error in validatorErrors)
        {
            var colon = error.IndexOf(": ", StringComparison.Ordinal);
            var (field, message) = colon > 0 ? (error[..colon], error[(colon + 2)..]) : ("$", error);
            // A field whose JSON type was wrong already has the clearer message.
            if (errors.ContainsKey(field)) continue;
            errors[field] = [message];
        }
    }
}
