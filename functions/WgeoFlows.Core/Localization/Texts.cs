using System.Globalization;
using System.Text.RegularExpressions;

namespace WgeoFlows.Localization;

/// <summary>
/// The catalog's texts in one language, with its culture's formatting of numbers and dates. Placeholders are named,
/// "{reference}"; in a right-to-left language each value put into a text is wrapped in Unicode's first-strong isolate
/// (U+2068 … U+2069), so that a reference number, an address or a link keeps its own direction inside Arabic, in HTML
/// and in plain text alike.
/// </summary>
public sealed partial class Texts
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    private readonly TextCatalog _catalog;

    internal Texts(TextCatalog catalog, LanguageInfo language)
    {
        _catalog = catalog;
        Language = language;
    }

    public LanguageInfo Language { get; }

    public CultureInfo Culture => Language.Culture;

    /// <summary>The text of <paramref name="key"/>; a missing key shows as itself in brackets (the catalog tests keep
    /// every key present, so this is seen only while a template is being written).</summary>
    public string this[string key] => _catalog.Lookup(Language, key) ?? $"[{key}]";

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in.</summary>
    public string Format(string key, params (string Name, object? Value)[] values) => Fill(this[key], values);

    /// <summary>The text of <paramref name="key"/> for <paramref name="count"/>: the plural category's entry
    /// ("key#few"), with {count} and the other placeholders filled in.</summary>
    public string Plural(string key, long count, params (string Name, object? Value)[] values)
    {
        var entry = _catalog.Lookup(Language, key + PluralRules.Separator + PluralRules.Category(Language.Code, count))
            ?? _catalog.Lookup(Language, key + PluralRules.Separator + "other")
            ?? $"[{key}]";
        return Fill(entry, [("count", count), .. values]);
    }

    /// <summary>Whether the catalog has <paramref name="key"/> as a plural entry ("key#other").</summary>
    public bool IsPlural(string key) => _catalog.Lookup(Language, key + PluralRules.Separator + "other") is not null;

    public string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A date as the culture writes it in full ("2 décembre 2026", "2026年12月2日").</summary>
    public string Date(DateOnly date) => date.ToString("D", Culture);

    public string Date(DateTimeOffset moment) => moment.UtcDateTime.ToString("D", Culture);

    /// <summary>A date and time (UTC), as the culture writes it.</summary>
    public string DateTime(DateTimeOffset moment) => moment.UtcDateTime.ToString("f", Culture) + " UTC";

    /// <summary>A value from outside the catalog set into a text: isolated in a right-to-left language.</summary>
    public string Isolate(string value) => Language.RightToLeft && value.Length > 0 ? $"{FirstStrongIsolate}{value}{PopDirectionalIsolate}" : value;

    /// <summary>Fills every placeholder in one pass over the catalog's text, so that a value which itself contains
    /// "{name}" (a title someone typed) is printed as it is, never filled in turn.</summary>
    private string Fill(string text, (string Name, object? Value)[] values)
    {
        if (values.Length == 0 || !text.Contains('{', StringComparison.Ordinal)) return text;
        return PlaceholderPattern().Replace(text, m =>
        {
            foreach (var (name, value) in values)
            {
                if (name == m.Groups[1].Value) return Isolate(Show(value));
            }
            return m.Value;
        });
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();

    private string Show(object? value) => value switch
    {
        null => "",
        long or int => Number(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        decimal d => Number(d, d == decimal.Truncate(d) ? 0 : 2),
        DateOnly d => Date(d),
        DateTimeOffset d => Date(d),
        IFormattable f => f.ToString(null, Culture),
        _ => value.ToString() ?? "",
    };
}
