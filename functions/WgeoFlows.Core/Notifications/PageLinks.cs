using WgeoFlows.Localization;

namespace WgeoFlows.Notifications;

/// <summary>
/// The links in a requester's or partner's mail that open a public page (status, confirmation, update, offer, follow-up)
/// carry the mail's language as <c>lang=</c>, so that the page opens in the language the mail was read in; the page then
/// remembers it in its cookie. The signatures are not touched: the status link is signed over the request id only and the
/// other links carry their signed token in the path, so an added query parameter changes neither. Staff links (review,
/// admin) open pages of their own and are left as they are.
/// </summary>
public static class PageLinks
{
    private static readonly HashSet<string> PublicPageLinks = new(StringComparer.Ordinal)
    {
        EmailValueKeys.StatusUrl, EmailValueKeys.ConfirmLink, EmailValueKeys.UpdateLink, EmailValueKeys.OfferLink, EmailValueKeys.FollowUpLink,
    };

    /// <summary>The values with <c>lang=</c> set on every public page link.</summary>
    public static IReadOnlyDictionary<string, string> InLanguage(IReadOnlyDictionary<string, string> values, string language)
    {
        if (!values.Keys.Any(PublicPageLinks.Contains)) return values;
        return values.ToDictionary(v => v.Key, v => PublicPageLinks.Contains(v.Key) ? WithLanguage(v.Value, language) : v.Value, StringComparer.Ordinal);
    }

    /// <summary><paramref name="link"/> with its <c>lang</c> query parameter set to <paramref name="language"/>, before any
    /// fragment; a link that is not an absolute address is returned as it is.</summary>
    public static string WithLanguage(string link, string language)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out _)) return link;
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var (address, fragment) = hash < 0 ? (link, "") : (link[..hash], link[hash..]);
        var query = address.IndexOf('?', StringComparison.Ordinal);
        var (path, parameters) = query < 0 ? (address, "") : (address[..query], address[(query + 1)..]);
        var kept = parameters.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Split('=')[0].Equals(LanguageChoice.QueryName, StringComparison.OrdinalIgnoreCase));
        return path + "?" + string.Join('&', kept.Append(LanguageChoice.QueryName + "=" + Uri.EscapeDataString(language))) + fragment;
    }
}
