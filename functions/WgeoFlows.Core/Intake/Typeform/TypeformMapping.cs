using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Reference;

namespace WgeoFlows.Intake.Typeform;

/// <summary>The contract submission built from a Typeform delivery, or why none could be built.</summary>
public sealed record TypeformSubmission(JsonObject? Submission, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Turns a Typeform <c>form_response</c> webhook body into the contract's submission JSON, answer by answer, through
/// <see cref="TypeformSettings"/>. It only reshapes: it never judges a value (that is the validator's job, the same for
/// every door), so an answer it cannot place is passed on as written and comes back as a field error.
/// The submission id is <c>typeform:</c> + <c>form_response.token</c> (one per filled-in form, kept when Typeform
/// redelivers), else <c>typeform:</c> + <c>event_id</c>.
/// </summary>
public static class TypeformMapping
{
    public const string SubmissionIdPrefix = "typeform:";

    public static TypeformSubmission Map(JsonElement delivery, TypeformSettings settings)
    {
        if (delivery.ValueKind != JsonValueKind.Object
            || !delivery.TryGetProperty("form_response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            return Refused("form_response", "The body is not a Typeform form_response delivery: it has no form_response object.");
        }
        var token = StringOf(response, "token") ?? StringOf(delivery, "event_id");
        if (string.IsNullOrWhiteSpace(token))
            return Refused("form_response.token", "The delivery has neither form_response.token nor event_id to deduplicate it by.");

        var answers = AnswersByRef(response);
        var hidden = response.TryGetProperty("hidden", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;
        var submission = new JsonObject { ["submissionId"] = SubmissionIdPrefix + token.Trim() };
        foreach (var (path, kind) in TypeformSettings.ContractPaths)
        {
            var fieldRef = settings.Fields[path];
            var value = fieldRef.StartsWith("hidden:", StringComparison.Ordinal)
                ? HiddenValue(hidden, fieldRef["hidden:".Length..])
                : answers.TryGetValue(fieldRef, out var answer) ? AnswerValue(answer) : null;
            if (value is null) continue;
            JsonNode? node = kind switch
            {
                TypeformValueKind.Id => ToId(path, FirstText(value), settings),
                TypeformValueKind.IdList => new JsonArray(Texts(value).Select(t => ToId(path, t, settings)).ToArray()),
                TypeformValueKind.Number when value.GetValueKind() == JsonValueKind.Number => value,
                _ => JsonValue.Create(FirstText(value)),
            };
            Place(submission, path, node);
        }
        return new TypeformSubmission(submission, new Dictionary<string, string[]>());
    }

    /// <summary>The Typeform field ref a validation error path (e.g. <c>request.thematicAreas[1]</c>) comes from, if any.</summary>
    public static string? RefFor(string errorPath, TypeformSettings settings)
    {
        var bracket = errorPath.IndexOf('[');
        var path = bracket < 0 ? errorPath : errorPath[..bracket];
        return settings.Fields.GetValueOrDefault(path);
    }

    private static TypeformSubmission Refused(string path, string message) =>
        new(null, new Dictionary<string, string[]> { [path] = [message] });

    private static Dictionary<string, JsonElement> AnswersByRef(JsonElement response)
    {
        var byRef = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!response.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Array) return byRef;
        foreach (var answer in answers.EnumerateArray())
        {
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("field", out var field)
                && StringOf(field, "ref") is { } fieldRef)
            {
                byRef.TryAdd(fieldRef, answer);
            }
        }
        return byRef;
    }

    /// <summary>The answer's value by its <c>type</c>: a string, a number, or an array of strings for multiple choices.</summary>
    private static JsonNode? AnswerValue(JsonElement answer)
    {
        var type = StringOf(answer, "type");
        if (type is null || !answer.TryGetProperty(type, out var value)) return null;
        switch (type)
        {
            case "choice":
                return (StringOf(value, "label") ?? StringOf(value, "other")) is { } chosen ? JsonValue.Create(chosen) : null;
            case "choices":
                var labels = new JsonArray();
                if (value.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Array)
                    foreach (var label in l.EnumerateArray())
                        if (label.ValueKind == JsonValueKind.String) labels.Add(label.GetString());
                if (StringOf(value, "other") is { } otherLabel) labels.Add(otherLabel);
                return labels;
            default:
                return value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    ? JsonNode.Parse(value.GetRawText())
                    : null;
        }
    }

    private static JsonNode? HiddenValue(JsonElement hidden, string name) =>
        hidden.ValueKind == JsonValueKind.Object && StringOf(hidden, name) is { } text ? JsonValue.Create(text) : null;

    private static string? FirstText(JsonNode value) => Texts(value).FirstOrDefault();

    private static IEnumerable<string> Texts(JsonNode value) => value switch
    {
        JsonArray array => array.Select(n => n?.ToString()).OfType<string>(),
        _ => [value.ToString()],
    };

    /// <summary>The taxonomy id (or country code) a choice label stands for: a configured value first, then an id, a code or a
    /// label in any of the seven languages (<see cref="ChoiceLabels"/>); else the label unchanged, for the validator to report.</summary>
    private static JsonNode? ToId(string path, string? label, TypeformSettings settings)
    {
        if (label is null) return null;
        var text = label.Trim();
        if (settings.Choices.TryGetValue(path, out var configured) && configured.TryGetValue(text, out var id)) return id;
        return ChoiceLabels.ToId(path, text) ?? text;
    }

    private static void Place(JsonObject submission, string path, JsonNode? value)
    {
        var dot = path.IndexOf('.');
        var (parent, name) = (path[..dot], path[(dot + 1)..]);
        if (submission[parent] is not JsonObject section) submission[parent] = section = new JsonObject();
        section[name] = value;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
