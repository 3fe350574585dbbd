namespace WgeoFlows.Functions.Http;

/// <summary>
/// The Functions host refuses any route template that starts with "admin", whatever the route prefix
/// (azure-functions-host#1781), and the contract's admin routes are /api/admin/…. So host.json sets the route
/// prefix to "" and every function names "api/" itself: the public URLs are exactly the contract's, in both hosts.
/// </summary>
internal static class ApiRoute
{
    public const string Prefix = "api/";
}
