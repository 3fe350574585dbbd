namespace WgeoFlows.Links;

/// <summary>The kinds of emailed link (docs/integrators.md): the path segment after /api/.</summary>
public static class LinkKind
{
    public const string Review = "review";
    public const string Update = "update";
    public const string Offer = "offer";
    /// <summary>The requester's confirmation of their address (a request from a public door).</summary>
    public const string Confirm = "confirm";

    public static bool IsKnown(string? kind) => kind is Review or Update or Offer or Confirm;
}
