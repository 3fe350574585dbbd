using System.Text.RegularExpressions;
using WgeoFlows.Privacy.People;

namespace WgeoFlows.Privacy;

/// <summary>
/// Email addresses inside free text, row keys and ';'-joined lists (a timeline entry's actor or detail: "review-request to
/// a@example.org, b@example.org"): found for an access request, replaced by a role for an erasure. Letters and digits of any
/// script count (internationalised addresses); '|', ';', ',' and spaces end an address, because the rows join keys and
/// lists with them. A match is a whole address (matching starts at the leftmost character), so looking for
/// <c>bob@example.org</c> does not find <c>jimbob@example.org</c>. An erasure also replaces a known address by exact
/// comparison (see <c>PersonalDataRewrite</c>), so an address this pattern would miss still goes.
/// </summary>
public static partial class EmailsInText
{
    /// <summary>What an export shows instead of an address that is not the person's own.</summary>
    public const string SomeoneElse = "(another address)";

    /// <summary>Replaces every address in <paramref name="text"/> for which <paramref name="replacement"/> gives a text;
    /// an address it answers null for stays.</summary>
    public static string Replace(string text, Func<string, string?> replacement) =>
        text.Contains('@', StringComparison.Ordinal) ? Address().Replace(text, m => replacement(m.Value) ?? m.Value) : text;

    public static IEnumerable<string> Find(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? Address().Matches(text).Select(m => m.Value) : [];

    /// <summary>True when <paramref name="text"/> holds the address <paramref name="normalized"/>.</summary>
    public static bool Names(string? text, string normalized) =>
        !string.IsNullOrEmpty(text) && Find(text).Any(address => PersonEmail.Is(address, normalized));

    /// <summary><paramref name="text"/> with every address but the person's own replaced: an export tells a person what is
    /// held about them, not other people's addresses that share a line with theirs.</summary>
    public static string? KeepOnly(string? text, string normalized) =>
        text is null ? null : Replace(text, address => PersonEmail.Is(address, normalized) ? null : SomeoneElse);

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}._%+'!#$&*=?^~\-]+@[\p{L}\p{N}\p{M}\-]+(?:\.[\p{L}\p{N}\p{M}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
