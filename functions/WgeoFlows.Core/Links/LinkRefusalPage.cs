using Microsoft.AspNetCore.Http;
using WgeoFlows.Web;

namespace WgeoFlows.Links;

/// <summary>The page a person gets for an emailed link that cannot be used, saying why in words they can act on:
/// one wording for every kind of link; only the advice for an expired one depends on what the link was for.</summary>
public static class LinkRefusalPage
{
    public static Task<IResult> ForAsync(PageRenderer pages, LinkTokenCheck check, string expiredAdvice) => check switch
    {
        LinkTokenCheck.Expired => pages.MessageAsync(410, "This link has expired", "The link is too old to use. " + expiredAdvice),
        LinkTokenCheck.Tampered => pages.MessageAsync(400, "This link is not valid",
            "The link has been changed or damaged. Please open the link exactly as it was emailed to you."),
        LinkTokenCheck.WrongKind => pages.MessageAsync(400, "This link is not valid here",
            "The link belongs to another kind of step. Please open the link exactly as it was emailed to you."),
        _ => pages.MessageAsync(400, "This link is not valid",
            "The link is incomplete or not a WgeoFlows link. Please open the link exactly as it was emailed to you."),
    };
}
