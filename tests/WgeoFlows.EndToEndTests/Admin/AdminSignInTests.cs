using System.Net;
using System.Text;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>Every admin data route of the running host answers 401 without the admin key, with a wrong key, and with an
/// App Service principal header that the local host does not trust; with the key it answers.</summary>
public sealed class AdminSignInTests(LocalStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every admin route that reads or changes data. (The dashboard page and its script hold no data; SendGrid's
    /// event webhook is signed instead: see their own tests.)</summary>
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "/api/admin/requests" },
        { "GET", "/api/admin/requests?status=InReview&platform=cities" },
        { "GET", "/api/admin/requests/req-any" },
        { "GET", "/api/admin/summary" },
        { "POST", "/api/admin/requests/req-any/resend" },
        { "POST", "/api/admin/requests/req-any/terminate" },
        { "POST", "/api/admin/requests/req-any/restart" },
        { "GET", "/api/admin/reviewers" },
        { "PUT", "/api/admin/reviewers" },
        { "GET", "/api/admin/requests/req-any/attachments/concept-note.pdf" },
    };

    private static readonly string ForgedPrincipal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
        """{"auth_typ":"aad","claims":[{"typ":"roles","val":"Wgeo.Admin"},{"typ":"name","val":"mallory"}]}"""));

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? header, string? value)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (header is not null) message.Headers.Add(header, value);
        return await stack.Client.Http.SendAsync(message, Ct);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Without_the_key_with_a_wrong_key_or_with_a_forged_principal_every_admin_route_answers_401(string method, string path)
    {
        foreach (var (header, value) in new (string?, string?)[]
                 {
                     (null, null),
                     ("X-Wgeo-Admin-Key", "wrong-" + LocalStack.AdminKey),
                     ("X-Wgeo-Admin-Key", ""),
                     ("X-MS-CLIENT-PRINCIPAL", ForgedPrincipal),
                 })
        {
            using var response = await SendAsync(method, path, header, value);
            ((int)response.StatusCode).ShouldBe(401, $"{method} {path} with {header ?? "no header"}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task With_the_key_every_admin_route_lets_the_admin_in(string method, string path)
    {
        // Unknown ids and empty bodies get their 4xx; what matters here is that the admin got past the sign-in.
        using var response = await SendAsync(method, path, "X-Wgeo-Admin-Key", LocalStack.AdminKey);
        response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
        ((int)response.StatusCode).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task The_session_route_answers_anyone_and_locally_only_the_key_signs_in_while_a_forged_principal_stays_no_one()
    {
        foreach (var (header, value, signedIn) in new (string?, string?, bool)[]
                 {
                     (null, null, false),
                     ("X-Wgeo-Admin-Key", "wrong-" + LocalStack.AdminKey, false),
                     ("X-MS-CLIENT-PRINCIPAL", ForgedPrincipal, false),
                     ("X-Wgeo-Admin-Key", LocalStack.AdminKey, true),
                 })
        {
            using var response = await SendAsync("GET", "/api/admin/session", header, value);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, header ?? "no header");
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            var session = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            session.GetProperty("signedIn").GetBoolean().ShouldBe(signedIn, header ?? "no header");
            session.GetProperty("method").GetString().ShouldBe("key", "App Service sign-in does not run in front of the local host");
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("mallory");
            if (signedIn) session.GetProperty("name").GetString().ShouldBe("admin-key");
        }
    }

    [Fact]
    public async Task The_dashboard_page_and_script_are_served_without_data_under_a_policy_that_allows_only_this_origin()
    {
        using var page = await stack.Client.Http.GetAsync("/api/admin", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("connect-src 'self'");
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("<script src=\"/api/admin/dashboard.js\"></script>");

        using var script = await stack.Client.Http.GetAsync("/api/admin/dashboard.js", Ct);
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }
}
