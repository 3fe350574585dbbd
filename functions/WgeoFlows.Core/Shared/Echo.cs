using System.Text;

namespace WgeoFlows.Shared;

/// <summary>
/// A value quoted back in an error message, bounded: an answer to a hostile body stays small (a 10,000-character
/// "email" is echoed as its first characters and a count), and control characters cannot break a log line or a page.
/// </summary>
public static class Echo
{
    /// <summary>Characters of a value shown before it is cut.</summary>
    public const int MaxCharacters = 60;

    /// <summary>Values of a list shown before the rest is counted.</summary>
    public const int MaxItems = 10;

    /// <summary><paramref name="value"/> in single quotes, cut to <see cref="MaxCharacters"/>.</summary>
    public static string Quoted(string? value)
    {
        value ??= "";
        var shown = new StringBuilder(Math.Min(value.Length, MaxCharacters) + 2).Append('\'');
        foreach (var c in value.Length > MaxCharacters ? value[..MaxCharacters] : value)
            shown.Append(char.IsControl(c) ? ' ' : c);
        shown.Append('\'');
        if (value.Length > MaxCharacters) shown.Append($"… ({value.Length:N0} characters)");
        return shown.ToString();
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxLength"/> characters, an ellipsis marking the cut:
    /// for a stored or relayed text that must stay bounded rather than for a quote in a message.</summary>
    public static string? Cut(string? text, int maxLength) =>
        text is null || text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";

    /// <summary>The first <see cref="MaxItems"/> values, quoted, then how many more there are.</summary>
    public static string QuotedList(IReadOnlyCollection<string> values)
    {
        var shown = string.Join(", ", values.Take(MaxItems).Select(Quoted));
        return values.Count > MaxItems ? $"{shown} and {values.Count - MaxItems:N0} more" : shown;
    }
}
