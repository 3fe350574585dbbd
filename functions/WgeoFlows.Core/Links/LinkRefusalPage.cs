using Microsoft.AspNetCore.Http;
using WgeoFlows.Localization;
using WgeoFlows.Web;

namespace WgeoFlows.Links;

/// <summary>The page a person gets for an emailed link that cannot be used, saying why in words they can act on, in their
/// language: one wording for every kind of link; only the advice for an expired one depends on what the link was for.</summary>
public static class LinkRefusalPage
{
    /// <param name="expiredAdvice">What to do instead, already in <paramref name="language"/>.</param>
    public static Task<IResult> ForAsync(PageRenderer pages, PageLanguage language, LinkTokenCheck check, string expiredAdvice)
    {
        var texts = pages.TextsFor(language);
        var openExactly = texts["page.openExactly"];
        return check switch
        {
            LinkTokenCheck.Expired => pages.MessageAsync(410, language, texts["page.expired.heading"], $"{texts["page.expired.message"]} {expiredAdvice}"),
            LinkTokenCheck.Tampered => pages.MessageAsync(400, language, texts["page.invalid.heading"], $"{texts["page.invalid.tampered"]} {openExactly}"),
            LinkTokenCheck.WrongKind => pages.MessageAsync(400, language, texts["page.wrongKind.heading"], $"{texts["page.wrongKind.message"]} {openExactly}"),
            _ => pages.MessageAsync(400, language, texts["page.invalid.heading"], $"{texts["page.invalid.malformed"]} {openExactly}"),
        };
    }
}
