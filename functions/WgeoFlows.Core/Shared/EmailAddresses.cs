using System.Net.Mail;

namespace WgeoFlows.Shared;

/// <summary>The email rule of the registries (partners and reviewers).</summary>
public static class EmailAddresses
{
    /// <summary>A bare address (no display name), at most 254 characters, with a dotted domain, and none of the
    /// characters Table Storage forbids in a row key (reviewer emails are part of one).</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || value.IndexOfAny(['/', '\\', '#', '?', ' ']) >= 0)
        {
            return false;
        }
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || parsed.DisplayName.Length > 0)
        {
            return false;
        }
        var domain = parsed.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    /// <summary>Addresses compare case-insensitively; stored lower case.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
