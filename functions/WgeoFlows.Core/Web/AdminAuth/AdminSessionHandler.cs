using Microsoft.AspNetCore.Http;
using WgeoFlows.Shared;

namespace WgeoFlows.Web.AdminAuth;

/// <summary>What <c>GET /api/admin/session</c> tells the dashboard: who is signed in and how, and where to sign in or out.</summary>
/// <param name="SignedIn">True when the call came from an admin.</param>
/// <param name="Name">The admin's name (the Entra account's, or "admin-key"); null when no one is signed in.</param>
/// <param name="Method">"entra" where App Service sign-in runs in front of the app, "key" elsewhere (and for a call that
/// brought the admin key).</param>
/// <param name="SignIn">App Service's sign-in page, back to the dashboard afterwards; null where App Service sign-in is off.</param>
/// <param name="SignOut">App Service's sign-out, back to the dashboard; null where App Service sign-in is off.</param>
public sealed record AdminSession(bool SignedIn, string? Name, string Method, string? SignIn, string? SignOut);

/// <summary>
/// <c>GET /api/admin/session</c>: answers 200 to anyone, signed in or not, so that the dashboard knows which sign-in to
/// offer — App Service's (Entra) where it runs, the admin key elsewhere. It holds no data: a name only for the caller's own
/// session. An account signed in without the admin role gets the 403 every admin route gives it, never a page that would
/// send it to sign in again.
/// </summary>
public sealed class AdminSessionHandler(AdminAuthenticator auth)
{
    /// <summary>App Service's own routes (served by the platform in front of the app, never by this app).</summary>
    public const string SignInPath = "/.auth/login/aad?post_login_redirect_uri=/api/admin";
    public const string SignOutPath = "/.auth/logout?post_logout_redirect_uri=/api/admin";

    public IResult Session(HttpRequest http)
    {
        var appService = auth.TrustsPrincipalHeader;
        var signIn = appService ? SignInPath : null;
        var signOut = appService ? SignOutPath : null;
        if (auth.Authenticate(http) is { } admin)
        {
            return Answer(new AdminSession(true, admin.Name, admin.Method, signIn, admin.Method == "entra" ? signOut : null));
        }
        if (auth.SignedInPrincipal(http) is { } someone) return AdminAuthenticator.NotAnAdmin(someone.Name);
        return Answer(new AdminSession(false, null, appService ? "entra" : "key", signIn, null));
    }

    // Never cached: the answer changes the moment the session does.
    private static IResult Answer(AdminSession session) => new NoStore(Results.Json(session, WgeoJson.Options));

    private sealed class NoStore(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
