using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace WgeoFlows.Privacy.People;

/// <summary>
/// The address a person is looked up by: one plain address as the intake accepts it (any script, no display name, no
/// list, a dotted domain, at most 254 characters), compared in lower case. The stores keep addresses as they were given
/// (a requester's contact) or in lower case (reviewers, link stages), so every comparison here lowers both sides.
/// </summary>
public static class PersonEmail
{
    public const int MaxLength = 254;

    /// <summary>The lower-case address, or false when <paramref name="value"/> is not one plain address.</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || address.DisplayName.Length > 0) return false;
        var at = text.LastIndexOf('@');
        var domain = text[(at + 1)..];
        if (at <= 0 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        normalized = Lower(text);
        return true;
    }

    /// <summary>An address as the stores' columns hold it, lowered for comparison (null and blanks give "").</summary>
    public static string Lower(string? address) => (address ?? "").Trim().ToLowerInvariant();

    /// <summary>True when <paramref name="stored"/> is the address <paramref name="normalized"/> (already lower case).</summary>
    public static bool Is(string? stored, string normalized) => Lower(stored) == normalized;

    /// <summary>True when one of the <paramref name="separator"/>-joined addresses in <paramref name="stored"/> is
    /// <paramref name="normalized"/> (an outbox row's recipients, a link stage's persons).</summary>
    public static bool InList(string? stored, string normalized, char separator = ';') =>
        (stored ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries).Any(a => Is(a, normalized));
}
