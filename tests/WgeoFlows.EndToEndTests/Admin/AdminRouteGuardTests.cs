using System.Net;
using System.Text;
using WgeoFlows.Hosting;
using WgeoFlows.Tests.Support;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// Every admin route of the route table, with every verb, on each host: without the admin key it answers 401, and every
/// state-changing one refuses a cross-site request with 403 even with the key. The calls come from the table, so a new
/// admin route is covered the day it is added, and one a host does not serve fails here (404 or 405).
/// </summary>
public abstract class AdminRouteGuardTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Values for the templates' parameters; every refusal here comes before anything is looked up.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["id"] = "route-guard-none",
        ["action"] = "discard",
        ["fileName"] = "concept-note.pdf",
        ["kind"] = "mail-undelivered",
    };

    private static TheoryData<string, string> Calls(Func<ApiRoute, bool> which)
    {
        var calls = new TheoryData<string, string>();
        foreach (var route in ApiRoutes.All.Where(which))
        {
            var path = "/api/" + string.Join("/", route.Template.Split('/')
                .Select(s => s.StartsWith('{') ? Samples[s[1..^1]] : s));
            foreach (var verb in route.Verbs) calls.Add(verb, path);
        }
        return calls;
    }

    public static TheoryData<string, string> AdminCalls => Calls(r => r.Auth is RouteAuth.Admin or RouteAuth.AdminChange);
    public static TheoryData<string, string> AdminChanges => Calls(r => r.Auth is RouteAuth.AdminChange);

    private async Task<HttpResponseMessage> SendAsync(string verb, string path, params (string Name, string Value)[] headers)
    {
        using var message = new HttpRequestMessage(new HttpMethod(verb), path);
        if (verb is not ("GET" or "HEAD" or "DELETE")) message.Content = new StringContent("""{ "reason": "route guard" }""", Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        return await stack.Client.Http.SendAsync(message, Ct);
    }

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task Without_the_admin_key_every_admin_route_answers_401(string verb, string path)
    {
        using var response = await SendAsync(verb, path);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [MemberData(nameof(AdminChanges))]
    public async Task With_the_admin_key_every_admin_change_refuses_a_cross_site_request_with_403(string verb, string path)
    {
        using var response = await SendAsync(verb, path, ("X-Wgeo-Admin-Key", stack.Client.AdminKey), ("Sec-Fetch-Site", "cross-site"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}

/// <summary>The guards above on the local host.</summary>
public sealed class AdminRouteGuardTestsOnLocalHost(LocalStack stack) : AdminRouteGuardTests(stack);

/// <summary>The guards above on the Azure Functions host.</summary>
public sealed class AdminRouteGuardTestsOnFunctionsHost(FunctionsStack stack) : AdminRouteGuardTests(stack);
