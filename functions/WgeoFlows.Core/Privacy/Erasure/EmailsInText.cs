using System.Text.RegularExpressions;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// Finds email addresses inside free text, row keys and ';'-joined lists, so that they can be replaced by a role. Letters
/// and digits of any script count (internationalised addresses); '|', ';', ',' and spaces end an address, because the
/// rows join keys and lists with them. A known address is replaced by exact comparison as well (see
/// <see cref="PersonalDataRewrite"/>), so an address this pattern would miss still goes.
/// </summary>
public static partial class EmailsInText
{
    /// <summary>Replaces every address in <paramref name="text"/> for which <paramref name="replacement"/> gives a text;
    /// an address it answers null for stays.</summary>
    public static string Replace(string text, Func<string, string?> replacement) =>
        text.Contains('@', StringComparison.Ordinal) ? Address().Replace(text, m => replacement(m.Value) ?? m.Value) : text;

    public static IEnumerable<string> Find(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? Address().Matches(text).Select(m => m.Value) : [];

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}._%+'!#$&*=?^~\-]+@[\p{L}\p{N}\p{M}\-]+(?:\.[\p{L}\p{N}\p{M}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
