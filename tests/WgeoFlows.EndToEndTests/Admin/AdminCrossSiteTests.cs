using System.Net;
using System.Text;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// Issue "Open to the internet", point 5: a state-changing admin route takes application/json only (415) and refuses a
/// cross-site request (Sec-Fetch-Site: cross-site or a foreign Origin: 403), both as problem+json, even with the admin's
/// credentials — a browser carries App Service's session cookie to a form on any site. The forged calls are the kind an
/// HTML form can make: text/plain with a JSON body. Nothing they ask for happens.
/// </summary>
public abstract class AdminCrossSiteTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string ForgedBody = """{ "reason": "forged from another site" }""";

    private WgeoClient Client => stack.Client;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? contentType,
        params (string Name, string Value)[] headers)
    {
        using var message = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        message.Headers.Add("X-Wgeo-Admin-Key", Client.AdminKey);
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        return await Client.Http.SendAsync(message, Ct);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        response.StatusCode.ShouldBe(status, $"{what}: {await response.Content.ReadAsStringAsync(Ct)}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", what);
    }

    private string OwnOrigin => stack.BaseUrl.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_text_plain_post_with_a_json_body_is_refused_with_415_and_terminates_nothing()
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid($"cross-site-415-{Guid.NewGuid():N}"));
        await Client.WaitForStatusAsync(requestId, "InReview");
        var path = $"/api/admin/requests/{requestId}/terminate";

        using (var plain = await SendAsync(HttpMethod.Post, path, ForgedBody, "text/plain"))
            await ShouldBeProblemAsync(plain, HttpStatusCode.UnsupportedMediaType, "text/plain");
        using (var form = await SendAsync(HttpMethod.Post, path, "reason=forged", "application/x-www-form-urlencoded"))
            await ShouldBeProblemAsync(form, HttpStatusCode.UnsupportedMediaType, "form-urlencoded");
        using (var none = await SendAsync(HttpMethod.Post, path, ForgedBody, null))
            await ShouldBeProblemAsync(none, HttpStatusCode.UnsupportedMediaType, "no content type");

        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
        (await Client.TimelineAsync(requestId)).ShouldNotContain(row => row.Action.Contains("terminate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cross_site_post_is_refused_with_403_whatever_its_content_type_and_terminates_nothing()
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid($"cross-site-403-{Guid.NewGuid():N}"));
        await Client.WaitForStatusAsync(requestId, "InReview");
        var path = $"/api/admin/requests/{requestId}/terminate";

        foreach (var contentType in new[] { "text/plain", "application/json" })
        {
            using (var fetchSite = await SendAsync(HttpMethod.Post, path, ForgedBody, contentType, ("Sec-Fetch-Site", "cross-site")))
                await ShouldBeProblemAsync(fetchSite, HttpStatusCode.Forbidden, $"Sec-Fetch-Site cross-site, {contentType}");
            using (var origin = await SendAsync(HttpMethod.Post, path, ForgedBody, contentType, ("Origin", "https://evil.example")))
                await ShouldBeProblemAsync(origin, HttpStatusCode.Forbidden, $"foreign Origin, {contentType}");
            using (var opaque = await SendAsync(HttpMethod.Post, path, ForgedBody, contentType, ("Origin", "null")))
                await ShouldBeProblemAsync(opaque, HttpStatusCode.Forbidden, $"opaque Origin, {contentType}");
        }

        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
        (await Client.TimelineAsync(requestId)).ShouldNotContain(row => row.Action.Contains("terminate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_state_changing_admin_route_refuses_cross_site_requests_and_all_but_the_csv_import_refuse_text_plain()
    {
        (HttpMethod Method, string Path)[] jsonRoutes =
        [
            (HttpMethod.Post, "/api/admin/requests/req-none/resend"),
            (HttpMethod.Put, "/api/admin/reviewers"),
            (HttpMethod.Put, "/api/admin/partners/cross-site-none"),
            (HttpMethod.Delete, "/api/admin/partners/cross-site-none"),
        ];
        foreach (var (method, path) in jsonRoutes)
        {
            using (var plain = await SendAsync(method, path, ForgedBody, "text/plain"))
                await ShouldBeProblemAsync(plain, HttpStatusCode.UnsupportedMediaType, $"{method} {path} text/plain");
            using (var crossSite = await SendAsync(method, path, ForgedBody, "application/json", ("Sec-Fetch-Site", "cross-site")))
                await ShouldBeProblemAsync(crossSite, HttpStatusCode.Forbidden, $"{method} {path} cross-site");
            using (var foreign = await SendAsync(method, path, ForgedBody, "application/json", ("Origin", "http://evil.example:7071")))
                await ShouldBeProblemAsync(foreign, HttpStatusCode.Forbidden, $"{method} {path} foreign origin");
        }

        const string import = "/api/admin/partners/import?dryRun=true";
        const string csv = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email\n";
        using (var crossSite = await SendAsync(HttpMethod.Post, import, csv, "text/csv", ("Sec-Fetch-Site", "cross-site")))
            await ShouldBeProblemAsync(crossSite, HttpStatusCode.Forbidden, "CSV import cross-site");
        using (var foreign = await SendAsync(HttpMethod.Post, import, csv, "text/csv", ("Origin", "https://evil.example")))
            await ShouldBeProblemAsync(foreign, HttpStatusCode.Forbidden, "CSV import foreign origin");
        using (var plain = await SendAsync(HttpMethod.Post, import, csv, "text/plain"))
            await ShouldBeProblemAsync(plain, HttpStatusCode.UnsupportedMediaType, "CSV import text/plain");
    }

    [Fact]
    public async Task The_apps_own_origin_and_a_same_origin_fetch_go_through()
    {
        // An unknown request: past the cross-site and media type checks, the handler answers 404.
        using (var own = await SendAsync(HttpMethod.Post, "/api/admin/requests/req-none/resend", "{}", "application/json",
                   ("Origin", OwnOrigin), ("Sec-Fetch-Site", "same-origin")))
            await ShouldBeProblemAsync(own, HttpStatusCode.NotFound, "own origin");
        using (var script = await SendAsync(HttpMethod.Post, "/api/admin/requests/req-none/resend", "{}", "application/json; charset=utf-8"))
            await ShouldBeProblemAsync(script, HttpStatusCode.NotFound, "script without Origin");
        using (var import = await SendAsync(HttpMethod.Post, "/api/admin/partners/import?dryRun=true",
                   "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email\n", "text/csv", ("Origin", OwnOrigin)))
            import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync(Ct));
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class AdminCrossSiteTestsOnLocalHost(LocalStack stack) : AdminCrossSiteTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class AdminCrossSiteTestsOnFunctionsHost(FunctionsStack stack) : AdminCrossSiteTests(stack);
