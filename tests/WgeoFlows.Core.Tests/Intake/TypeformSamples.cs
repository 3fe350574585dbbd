using System.Text.Json.Nodes;

namespace WgeoFlows.Tests.Intake;

/// <summary>Typeform <c>form_response</c> webhook bodies, shaped as Typeform documents them (answers with <c>type</c>, a value
/// under that type's name, and <c>field.ref</c>). Only System.Text.Json, so the end-to-end tests can link this file.</summary>
public static class TypeformSamples
{
    /// <summary>The refs a form uses when nothing is configured: the contract path with '_' for '.'.</summary>
    public static string ConventionRef(string path) => path.Replace('.', '_');

    /// <summary>A complete, valid delivery of the contract example's answers, with field refs from <paramref name="refOf"/>.</summary>
    public static JsonObject Delivery(string token, Func<string, string>? refOf = null, string eventId = "01HZX3Q8K0EVENT")
    {
        var r = refOf ?? ConventionRef;
        return new JsonObject
        {
            ["event_id"] = eventId,
            ["event_type"] = "form_response",
            ["form_response"] = new JsonObject
            {
                ["form_id"] = "lT4Z3j",
                ["token"] = token,
                ["submitted_at"] = "2026-03-02T10:15:00Z",
                ["hidden"] = new JsonObject { ["source"] = "newsletter" },
                ["answers"] = new JsonArray(
                    Answer("text", r("organization.name"), JsonValue.Create("Nairobi County Energy Office")),
                    Answer("choice", r("organization.platform"), new JsonObject { ["label"] = "Cities" }),
                    Answer("choice", r("organization.country"), new JsonObject { ["label"] = "Kenya" }),
                    Answer("url", r("organization.website"), JsonValue.Create("https://example.org")),
                    Answer("text", r("contact.name"), JsonValue.Create("Amina Otieno")),
                    Answer("email", r("contact.email"), JsonValue.Create("amina@example.org")),
                    Answer("choice", r("contact.language"), new JsonObject { ["label"] = "Français" }),
                    Answer("text", r("request.title"), JsonValue.Create("Solar mini-grids for informal settlements")),
                    Answer("text", r("request.description"), JsonValue.Create(SamplePayloads.Description)),
                    Answer("choices", r("request.thematicAreas"), new JsonObject { ["labels"] = new JsonArray("Renewable energy", "Sustainable cities") }),
                    Answer("choices", r("request.supportTypes"), new JsonObject { ["labels"] = new JsonArray("Technical assistance", "Financing") }),
                    Answer("choices", r("request.preferredRegions"), new JsonObject { ["labels"] = new JsonArray("Africa") }),
                    Answer("number", r("request.budgetUsd"), JsonValue.Create(250000)),
                    Answer("date", r("request.neededBy"), JsonValue.Create("2027-06-30"))),
            },
        };
    }

    public static JsonObject Answer(string type, string fieldRef, JsonNode? value) => new()
    {
        ["type"] = type,
        [type] = value,
        ["field"] = new JsonObject { ["id"] = "id_" + fieldRef, ["type"] = type == "choices" ? "multiple_choice" : type, ["ref"] = fieldRef },
    };
}
