using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// GET /api/admin/session tells the dashboard which sign-in to offer and who is signed in; an account App Service signed
/// in without the admin role gets a 403 that says so, on the session route and on every admin route's gate, never a 401
/// that would send it to sign in again. (In a browser: AdminSessionBrowserTests.)
/// </summary>
public sealed class AdminSessionTests
{
    private static AdminAuthenticator Authenticator(bool appService) =>
        new(Options.Create(new AdminOptions { ApiKey = "the-admin-key", TrustAppServiceAuthentication = appService }),
            new AppServicePlatform(name => name == AppServicePlatform.AuthEnabledVariable && appService ? "True" : null));

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        return context.Request;
    }

    private static (string, string) Principal(string name, bool admin) => (AdminAuthenticator.PrincipalHeader, Convert.ToBase64String(
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = admin ? new[] { new { typ = "name", val = name }, new { typ = "roles", val = AdminOptions.Role } } : [new { typ = "name", val = name }],
        }))));

    private static async Task<(int Status, JsonElement Body)> AnswerAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body));
    }

    [Fact]
    public async Task Locally_no_one_is_signed_in_and_the_key_is_the_way_in()
    {
        var (status, body) = await AnswerAsync(new AdminSessionHandler(Authenticator(appService: false)).Session(Request()));

        status.ShouldBe(200);
        body.GetProperty("signedIn").GetBoolean().ShouldBeFalse();
        body.GetProperty("method").GetString().ShouldBe("key");
        (!body.TryGetProperty("signIn", out var signIn) || signIn.ValueKind == JsonValueKind.Null).ShouldBeTrue("App Service sign-in is not there");
    }

    [Fact]
    public async Task Locally_a_forged_principal_is_still_no_one_and_the_key_signs_in()
    {
        var handler = new AdminSessionHandler(Authenticator(appService: false));

        var forged = await AnswerAsync(handler.Session(Request(Principal("mallory", admin: true))));
        var withKey = await AnswerAsync(handler.Session(Request(("X-Wgeo-Admin-Key", "the-admin-key"))));

        (forged.Status, forged.Body.GetProperty("signedIn").GetBoolean()).ShouldBe((200, false));
        (withKey.Status, withKey.Body.GetProperty("signedIn").GetBoolean(), withKey.Body.GetProperty("method").GetString()).ShouldBe((200, true, "key"));
    }

    [Fact]
    public async Task Behind_App_Service_an_admin_is_named_with_the_sign_out_and_no_one_gets_the_sign_in_page()
    {
        var handler = new AdminSessionHandler(Authenticator(appService: true));

        var admin = await AnswerAsync(handler.Session(Request(Principal("Zoë Brontë-محمد", admin: true))));
        var nobody = await AnswerAsync(handler.Session(Request()));

        admin.Status.ShouldBe(200);
        admin.Body.GetProperty("name").GetString().ShouldBe("Zoë Brontë-محمد");
        admin.Body.GetProperty("method").GetString().ShouldBe("entra");
        admin.Body.GetProperty("signOut").GetString().ShouldBe("/.auth/logout?post_logout_redirect_uri=/api/admin");
        nobody.Status.ShouldBe(200);
        nobody.Body.GetProperty("signedIn").GetBoolean().ShouldBeFalse();
        nobody.Body.GetProperty("method").GetString().ShouldBe("entra");
        nobody.Body.GetProperty("signIn").GetString().ShouldBe("/.auth/login/aad?post_login_redirect_uri=/api/admin");
    }

    [Fact]
    public async Task An_account_signed_in_without_the_admin_role_is_told_so_with_403_on_the_session_and_on_every_admin_gate()
    {
        var auth = Authenticator(appService: true);
        var request = Request(Principal("visitor@partner.example", admin: false));

        var session = await AnswerAsync(new AdminSessionHandler(auth).Session(request));
        var reading = auth.RefuseNonAdmin(request, out var readingAdmin);
        var changing = auth.RefuseChange(request, out var changingAdmin);

        session.Status.ShouldBe(403);
        session.Body.GetProperty("detail").GetString()!.ShouldContain("visitor@partner.example");
        session.Body.GetProperty("detail").GetString()!.ShouldContain(AdminOptions.Role);
        (readingAdmin, changingAdmin).ShouldBe((null, null));
        (await AnswerAsync(reading!)).Status.ShouldBe(403);
        (await AnswerAsync(changing!)).Status.ShouldBe(403);
        (await AnswerAsync(auth.RefuseNonAdmin(Request(), out _)!)).Status.ShouldBe(401, "no one at all is asked to sign in");
        auth.RefuseNonAdmin(Request(Principal("ana@wgeo.example", admin: true)), out var admin).ShouldBeNull();
        admin!.Name.ShouldBe("ana@wgeo.example");
    }
}
