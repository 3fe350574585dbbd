using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Hosting;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Tests.Hosting;

/// <summary>What both hosts do around an entry's handler: a state-changing admin route refuses a cross-site request
/// before its handler runs, whatever the handler checks itself.</summary>
public sealed class RouteRunnerTests
{
    private static (RouteCall Call, DefaultHttpContext Http) Call(params (string Name, string Value)[] headers)
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton(new AdminAuthenticator(Options.Create(new AdminOptions { ApiKey = "the-admin-key" }), new AppServicePlatform(_ => null),
                Options.Create(new PublicUrlOptions { BaseUrl = "https://wgeo.example" })))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "POST";
        http.Request.Host = new HostString("wgeo.example");
        http.Request.Headers.Append("X-Wgeo-Admin-Key", "the-admin-key");
        foreach (var (name, value) in headers) http.Request.Headers.Append(name, value);
        http.Response.Body = new MemoryStream();
        return (new RouteCall(http, services, _ => null, null, CancellationToken.None), http);
    }

    private static ApiRoute Route(RouteAuth auth, Action ran) =>
        new("Test", "admin/test", [HttpMethods.Post], auth, _ =>
        {
            ran();
            return Task.FromResult(Results.Ok());
        });

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example")]
    public async Task A_cross_site_request_to_an_admin_change_gets_403_and_the_handler_does_not_run(string header, string value)
    {
        var ran = false;
        var (call, http) = Call((header, value));

        var result = await Route(RouteAuth.AdminChange, () => ran = true).RunAsync(call);
        await result.ExecuteAsync(http);

        ran.ShouldBeFalse();
        http.Response.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
        http.Response.ContentType!.ShouldStartWith("application/problem+json");
    }

    [Fact]
    public async Task A_same_site_admin_change_reaches_its_handler()
    {
        var ran = false;
        var (call, _) = Call(("Sec-Fetch-Site", "same-origin"), ("Origin", "https://wgeo.example"));

        await Route(RouteAuth.AdminChange, () => ran = true).RunAsync(call);

        ran.ShouldBeTrue();
    }

    [Theory]
    [InlineData(RouteAuth.Admin)]
    [InlineData(RouteAuth.Public)]
    [InlineData(RouteAuth.SignedLink)]
    [InlineData(RouteAuth.SignedBody)]
    public async Task Other_routes_leave_cross_site_requests_to_their_handler(RouteAuth auth)
    {
        var ran = false;
        var (call, _) = Call(("Sec-Fetch-Site", "cross-site"));

        await Route(auth, () => ran = true).RunAsync(call);

        ran.ShouldBeTrue();
    }
}
