namespace WgeoFlows.Links;

/// <summary>The kinds of emailed link (CONTRACT.md): the path segment after /api/.</summary>
public static class LinkKind
{
    public const string Review = "review";
    public const string Update = "update";
    public const string Offer = "offer";

    public static bool IsKnown(string? kind) => kind is Review or Update or Offer;
}
