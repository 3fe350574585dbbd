namespace WgeoFlows.Admin.Held;

/// <summary>The held deliveries' admin routes under /api, shared by both hosts.</summary>
public static class HeldRoutes
{
    public const string List = "admin/held";
    public const string Item = "admin/held/{id}";
    public const string Action = "admin/held/{id}/{action}";
}
