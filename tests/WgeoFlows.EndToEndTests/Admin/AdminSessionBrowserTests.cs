using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.InSevenLanguages;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>A local host told that App Service authentication runs in front of it, as in Azure: the principal header is
/// trusted there, and nowhere else (see <see cref="AdminSignInTests"/>).</summary>
public sealed class AppServiceSignInStack : IAsyncLifetime
{
    public OwnStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Stack = await OwnStack.StartAsync(new Dictionary<string, string?>
    {
        ["WEBSITE_AUTH_ENABLED"] = "True",
        ["Admin:TrustAppServiceAuthentication"] = "true",
    });

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null) await Stack.DisposeAsync();
    }
}

/// <summary>
/// The dashboard behind App Service sign-in (Entra), in headless Chromium at phone and desktop size: it opens without a key
/// prompt and names the admin; when the session expires, an action is refused in place (nothing changed, the typed values
/// kept, a link to sign in again); signed in again, the same action goes through. An account without the admin role is
/// told so (403), not sent to sign in again. The browser adds <c>X-MS-CLIENT-PRINCIPAL</c> as App Service would.
/// </summary>
public sealed class AdminSessionBrowserTests(AppServiceSignInStack fixture) : IClassFixture<AppServiceSignInStack>
{
    private const string AdminName = "Amélie Nguyễn-محمد";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack Stack => fixture.Stack;

    private static string Principal(string name, bool admin)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        if (admin) claims.Add(new { typ = "roles", val = "Wgeo.Admin" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", claims })));
    }

    private static Dictionary<string, string> SignedIn(string name = AdminName, bool admin = true) =>
        new() { ["X-MS-CLIENT-PRINCIPAL"] = Principal(name, admin) };

    private async Task<string> InReviewAsync(string viewport)
    {
        var payload = SamplePayloads.Valid($"e2e-session-{viewport}-{Guid.NewGuid():N}");
        payload["request"]!["title"] = "Réseaux solaires « quartiers » — 太阳能 <b>mini</b>";
        using var response = await Stack.Client.SubmitAsync(payload);
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        await Stack.Client.WaitForStatusAsync(requestId, "InReview");
        return requestId;
    }

    [Fact]
    public async Task Signed_in_by_App_Service_an_expired_session_refuses_an_action_in_place_and_signed_in_again_it_goes_through()
    {
        await using var browser = await BrowserSession.StartAsync();
        foreach (var viewport in Viewport.Both)
        {
            var requestId = await InReviewAsync(viewport.Name);
            var context = await viewport.NewContextAsync(browser, Stack.Host.BaseUrl);
            await context.SetExtraHTTPHeadersAsync(SignedIn());
            var page = await context.NewPageAsync();

            await page.GotoAsync("/api/admin#requests");

            await Assertions.Expect(page.Locator("#signed-in")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Signed in as " + AdminName));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" })).ToHaveAttributeAsync("href",
                "/.auth/logout?post_logout_redirect_uri=/api/admin");
            await Assertions.Expect(page.GetByLabel("Admin key")).ToBeHiddenAsync();
            await page.Locator("#requests tr", new() { HasText = requestId }).GetByRole(AriaRole.Button).ClickAsync();
            await page.Locator("#detail-timeline tr").First.WaitForAsync();
            var reason = page.Locator("#detail").GetByLabel("Reason");
            const string typed = "Fin « du projet » — 项目结束 <script>x</script>";
            await reason.FillAsync(typed);
            var violations = await BrowserSession.AccessibilityViolationsAsync(page);
            violations.ShouldBeEmpty(viewport.Name + ": " + BrowserSession.Describe(violations));
            await BrowserSession.ScreenshotAsync(page, $"admin-signed-in-{viewport.Name}");

            // App Service's session cookie expires: its requests no longer carry the principal.
            await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>());
            await page.GetByRole(AriaRole.Button, new() { Name = "Terminate (Cancelled)" }).ClickAsync();

            var notice = page.Locator("#session-expired");
            await Assertions.Expect(notice).ToContainTextAsync("Your session has expired; nothing was changed.");
            await Assertions.Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Sign in again" })).ToHaveAttributeAsync("href",
                "/.auth/login/aad?post_login_redirect_uri=/api/admin");
            (await notice.GetAttributeAsync("role")).ShouldBe("alert");
            await Assertions.Expect(reason).ToHaveValueAsync(typed);
            (await Stack.Client.StatusOfAsync(requestId)).ShouldBe("InReview", "the server refused before changing anything");
            new Uri(page.Url).Fragment.ShouldBe("#requests");
            violations = await BrowserSession.AccessibilityViolationsAsync(page);
            violations.ShouldBeEmpty(viewport.Name + ": " + BrowserSession.Describe(violations));
            await BrowserSession.ScreenshotAsync(page, $"admin-session-expired-{viewport.Name}");

            // Signed in again (in another tab, which renews the cookie): the same form, sent again, goes through.
            await context.SetExtraHTTPHeadersAsync(SignedIn());
            await page.GetByRole(AriaRole.Button, new() { Name = "Terminate (Cancelled)" }).ClickAsync();

            await Assertions.Expect(page.Locator("#action-answer")).ToContainTextAsync("terminate: HTTP 200");
            await Assertions.Expect(notice).ToHaveCountAsync(0);
            await Stack.Client.WaitForStatusAsync(requestId, "Cancelled");
            (await Stack.Client.TimelineAsync(requestId)).ShouldContain(e => e.Actor == AdminName, "the admin App Service named is the actor");
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_account_without_the_admin_role_is_told_so_and_is_not_sent_to_sign_in_again()
    {
        using var session = new HttpRequestMessage(HttpMethod.Get, "/api/admin/session");
        session.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal("visitor@partner.example", admin: false));
        using var sessionAnswer = await Stack.Client.Http.SendAsync(session, Ct);
        using var summary = new HttpRequestMessage(HttpMethod.Get, "/api/admin/summary");
        summary.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal("visitor@partner.example", admin: false));
        using var summaryAnswer = await Stack.Client.Http.SendAsync(summary, Ct);
        using var nobody = await Stack.Client.Http.GetAsync("/api/admin/session", Ct);

        sessionAnswer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sessionAnswer.Content.ReadAsStringAsync(Ct)).ShouldContain("not an admin of WgeoFlows");
        summaryAnswer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        nobody.StatusCode.ShouldBe(HttpStatusCode.OK);
        var offered = await nobody.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (offered.GetProperty("method").GetString(), offered.GetProperty("signIn").GetString())
            .ShouldBe(("entra", "/.auth/login/aad?post_login_redirect_uri=/api/admin"));

        await using var browser = await BrowserSession.StartAsync();
        var context = await Viewport.Phone.NewContextAsync(browser, Stack.Host.BaseUrl);
        await context.SetExtraHTTPHeadersAsync(SignedIn("visitor@partner.example", admin: false));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/admin");
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("is not an admin of WgeoFlows");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign out, to sign in with another account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dashboard")).ToBeHiddenAsync();
    }
}
