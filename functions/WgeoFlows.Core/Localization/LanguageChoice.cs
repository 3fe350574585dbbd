using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace WgeoFlows.Localization;

/// <summary>A public page's language and the language switcher's links back to the same page in each language.</summary>
public sealed record PageLanguage(LanguageInfo Language, IReadOnlyList<LanguageLink> Switcher)
{
    public string Code => Language.Code;

    /// <summary>For pages rendered without a request (tests, fixed pages): no switcher.</summary>
    public static PageLanguage Fixed(string? code) => new(Languages.Resolve(code), []);
}

/// <param name="Href">The current page with <c>lang</c> set in its query.</param>
public sealed record LanguageLink(string Code, string Name, string Href, bool Current);

/// <summary>
/// Chooses a public page's language: <c>?lang=</c>, then the cookie the switcher's links leave, then the browser's
/// Accept-Language, then English. A supported <c>?lang=</c> is remembered in the cookie, so that the next page (a link
/// in a mail, the form after the status page) opens in the language the person chose, with or without script.
/// </summary>
public static class LanguageChoice
{
    public const string QueryName = "lang";
    public const string CookieName = "wgeo_lang";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static PageLanguage For(HttpContext context)
    {
        var request = context.Request;
        // A link that already named a language and had another appended (a status link with ?lang= of its own) names two:
        // the last one added wins.
        var asked = request.Query[QueryName].LastOrDefault(Languages.IsSupported);
        LanguageInfo language;
        if (Languages.IsSupported(asked))
        {
            language = Languages.Resolve(asked);
            context.Response.Cookies.Append(CookieName, language.Code, new CookieOptions
            {
                Path = "/",
                MaxAge = CookieLifetime,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                Secure = request.IsHttps,
                HttpOnly = true,
                IsEssential = true,
            });
        }
        else if (request.Cookies.TryGetValue(CookieName, out var remembered) && Languages.IsSupported(remembered))
        {
            language = Languages.Resolve(remembered);
        }
        else
        {
            language = FromAcceptLanguage(request.Headers.AcceptLanguage.ToString()) ?? Languages.Resolve(Languages.Default);
        }
        return new PageLanguage(language, Links(request, language));
    }

    /// <summary>The first supported language of an Accept-Language header, by quality then by order; a region or script
    /// ("pt-BR", "zh-Hant-TW") counts as its language.</summary>
    public static LanguageInfo? FromAcceptLanguage(string header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var ranges)) return null;
        return ranges
            .Select((range, order) => (range, order))
            .Where(r => r.range.Quality is null or > 0)
            .OrderByDescending(r => r.range.Quality ?? 1)
            .ThenBy(r => r.order)
            .Select(r => r.range.Value.Value?.Split('-')[0])
            .Where(Languages.IsSupported)
            .Select(Languages.Resolve)
            .FirstOrDefault();
    }

    private static List<LanguageLink> Links(HttpRequest request, LanguageInfo current) => Languages.All
        .Select(l => new LanguageLink(l.Code, l.NativeName, WithLanguage(request, l.Code), l.Code == current.Code))
        .ToList();

    /// <summary>The page's own path and query with <c>lang</c> replaced: a relative link, so it works behind any host.</summary>
    private static string WithLanguage(HttpRequest request, string code)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, QueryName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append(QueryName + "=" + code);
        return request.PathBase + request.Path + "?" + string.Join('&', query);
    }
}
