using System.Text.Json;
using WgeoFlows.Reference;

namespace WgeoFlows.Intake;

/// <summary>Reads typed values out of a <see cref="JsonElement"/> field by field, recording an error under the
/// field's JSON path for each one that is missing, of the wrong JSON type or out of range, and carrying on, so
/// that one pass names every bad field.</summary>
internal sealed class JsonFieldReader(ValidationErrors errors)
{
    public ValidationErrors Errors => errors;

    public static string PathOf(string parentPath, string name) => parentPath.Length == 0 ? name : $"{parentPath}.{name}";

    /// <summary>The field's value, or false when it is absent or JSON null (both mean "not given").</summary>
    public static bool TryGetGiven(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? RequiredObject(JsonElement parent, string parentPath, string name)
    {
        var path = PathOf(parentPath, name);
        if (!TryGetGiven(parent, name, out var value))
        {
            errors.Add(path, $"{path} is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"{path} must be an object.");
            return null;
        }
        return value;
    }

    public string? RequiredText(JsonElement parent, string parentPath, string name, int maxLength, bool multiline = false)
    {
        var path = PathOf(parentPath, name);
        if (!TryGetGiven(parent, name, out var value))
        {
            errors.Add(path, $"{path} is required.");
            return null;
        }
        var text = Text(value, path, maxLength, multiline);
        if (text is { Length: 0 })
        {
            errors.Add(path, $"{path} must not be empty.");
            return null;
        }
        return text;
    }

    /// <summary>The trimmed text, or null when the field is absent, null or blank (forms send "" for an empty input).</summary>
    public string? OptionalText(JsonElement parent, string parentPath, string name, int maxLength)
    {
        if (!TryGetGiven(parent, name, out var value)) return null;
        var text = Text(value, PathOf(parentPath, name), maxLength, multiline: false);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A trimmed string within <paramref name="maxLength"/>, or null with an error recorded.</summary>
    public string? Text(JsonElement value, string path, int maxLength, bool multiline)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, $"{path} must be a string.");
            return null;
        }
        if (!JsonText.TryGetString(value, out var raw) || JsonText.HasForbiddenCharacters(raw, multiline))
        {
            errors.Add(path, multiline
                ? $"{path} must not contain control characters other than line breaks and tabs."
                : $"{path} must not contain control characters or line breaks.");
            return null;
        }
        var text = raw.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(path, $"{path} must be at most {maxLength:N0} characters long (it has {text.Length:N0}).");
            return null;
        }
        return text;
    }

    /// <summary>A required id of <paramref name="terms"/>, trimmed and lower-cased.</summary>
    public string? RequiredId(JsonElement parent, string parentPath, string name, IReadOnlyList<TaxonomyTerm> terms, string what)
    {
        var text = RequiredText(parent, parentPath, name, maxLength: 100);
        return text is null ? null : KnownId(text, PathOf(parentPath, name), terms, what);
    }

    public string? KnownId(string text, string path, IReadOnlyList<TaxonomyTerm> terms, string what)
    {
        var id = text.ToLowerInvariant();
        if (Taxonomy.Find(terms, id) is not null) return id;
        errors.Add(path, $"{path} is not a known {what}; use one of: {string.Join(", ", terms.Select(t => t.Id))}.");
        return null;
    }

    /// <summary>A list of ids of <paramref name="terms"/>, de-duplicated in order; null with errors recorded when any
    /// item is bad or the number of distinct items is outside <paramref name="min"/>..<paramref name="max"/>.
    /// An absent or null list reads as empty, so <paramref name="min"/> = 0 makes it optional.</summary>
    public IReadOnlyList<string>? IdList(JsonElement parent, string parentPath, string name,
        IReadOnlyList<TaxonomyTerm> terms, string what, string whatPlural, int min, int max)
    {
        var path = PathOf(parentPath, name);
        if (!TryGetGiven(parent, name, out var value))
        {
            if (min == 0) return [];
            errors.Add(path, $"{path} is required: name at least {min} {(min == 1 ? what : whatPlural)}.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"{path} must be an array of strings.");
            return null;
        }
        // The size first: a 10 MiB list is refused with one error, without reading (and answering about) each item.
        var count = value.GetArrayLength();
        if (count > SubmissionValidator.MaxListItems)
        {
            errors.Add(path, $"{path} may hold at most {SubmissionValidator.MaxListItems} items (it holds {count:N0}).");
            return null;
        }

        var ids = new List<string>();
        var allGood = true;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            var text = Text(item, itemPath, maxLength: 100, multiline: false);
            var id = text is null ? null : KnownId(text, itemPath, terms, what);
            if (id is null) allGood = false;
            else if (!ids.Contains(id)) ids.Add(id);
        }
        if (!allGood) return null;

        if (ids.Count < min)
        {
            errors.Add(path, $"{path} must name at least {min} {(min == 1 ? what : whatPlural)}.");
            return null;
        }
        if (ids.Count > max)
        {
            errors.Add(path, $"{path} may name at most {max} {whatPlural} (it names {ids.Count}).");
            return null;
        }
        return ids;
    }
}
