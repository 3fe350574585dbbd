namespace WgeoFlows.Web.AdminAuth;

/// <summary>
/// What the App Service platform says about itself through its environment. App Service strips any
/// <c>X-MS-CLIENT-PRINCIPAL</c> a caller sends and sets its own only while its authentication module runs; it then sets
/// <c>WEBSITE_AUTH_ENABLED=True</c> in the app's environment. Without that module (a local host, an app whose
/// authentication was turned off) the header is whatever the caller wrote, so it is trusted only when both this and
/// <c>Admin:TrustAppServiceAuthentication</c> say so.
/// </summary>
public sealed class AppServicePlatform(Func<string, string?> environment)
{
    public const string AuthEnabledVariable = "WEBSITE_AUTH_ENABLED";

    /// <summary>The process's own environment.</summary>
    public static AppServicePlatform Current { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>True when App Service authentication runs in front of this app (<c>WEBSITE_AUTH_ENABLED</c> is <c>True</c>).</summary>
    public bool AuthenticationEnabled => string.Equals(environment(AuthEnabledVariable)?.Trim(), "True", StringComparison.OrdinalIgnoreCase);
}
