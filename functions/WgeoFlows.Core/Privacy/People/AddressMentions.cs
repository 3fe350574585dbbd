using System.Text.RegularExpressions;

namespace WgeoFlows.Privacy.People;

/// <summary>
/// Addresses written inside free text (a timeline entry's actor or detail: "review-request to a@example.org, b@example.org").
/// A mention is a whole address, so that looking for <c>bob@example.org</c> does not find <c>jimbob@example.org</c>.
/// </summary>
public static partial class AddressMentions
{
    /// <summary>What an export shows instead of an address that is not the person's own.</summary>
    public const string SomeoneElse = "(another address)";

    /// <summary>True when <paramref name="text"/> holds the address <paramref name="normalized"/>.</summary>
    public static bool Names(string? text, string normalized) =>
        !string.IsNullOrEmpty(text) && Address().Matches(text).Any(m => PersonEmail.Is(m.Value, normalized));

    /// <summary><paramref name="text"/> with every address but the person's own replaced: an export tells a person what is
    /// held about them, not other people's addresses that share a line with theirs.</summary>
    public static string? KeepOnly(string? text, string normalized) =>
        text is null ? null : Address().Replace(text, m => PersonEmail.Is(m.Value, normalized) ? m.Value : SomeoneElse);

    // A local part of letters (any script), digits and ._%+-, then dotted domain labels; a full stop ending a sentence is
    // not taken as part of the domain.
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+")]
    private static partial Regex Address();
}
