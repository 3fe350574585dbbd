using System.Text.Json;

namespace WgeoFlows.Intake;

internal static class JsonText
{
    /// <summary>The string value, or false when the JSON string escapes invalid UTF-16 (e.g. a lone "\ud800"),
    /// which <see cref="JsonElement.GetString"/> refuses with an exception.</summary>
    internal static bool TryGetString(JsonElement element, out string text)
    {
        text = "";
        if (element.ValueKind != JsonValueKind.String) return false;
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="text"/> holds a control character (other than line breaks and tabs when
    /// <paramref name="allowLineBreaksAndTabs"/>) or half of a surrogate pair: text nobody types into a form, and
    /// that could break a header, a log line or an email.</summary>
    internal static bool HasForbiddenCharacters(string text, bool allowLineBreaksAndTabs)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return true;
            if (char.IsControl(c) && !(allowLineBreaksAndTabs && c is ('\n' or '\r' or '\t'))) return true;
        }
        return false;
    }
}
