using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Tests.Admin;

/// <summary>The gate of state-changing admin routes: cross-site 403 first, then 401, then anything but JSON 415.
/// (Over HTTP on both hosts: the end-to-end AdminCrossSiteTests.)</summary>
public sealed class AdminChangeGuardTests
{
    private static readonly AdminAuthenticator Guard = new(
        Options.Create(new AdminOptions { ApiKey = "the-admin-key" }), new AppServicePlatform(_ => null),
        Options.Create(new PublicUrlOptions { BaseUrl = "https://wgeo.example" }));

    private static HttpRequest Request(string? contentType = "application/json", string host = "func-wgeo.azurewebsites.net",
        bool withKey = true, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Host = new HostString(host);
        context.Request.ContentType = contentType;
        if (withKey) context.Request.Headers.Append("X-Wgeo-Admin-Key", "the-admin-key");
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        return context.Request;
    }

    private static async Task<int?> StatusAsync(HttpRequest request, string? mediaType = AdminAuthenticator.JsonMediaType)
    {
        var refusal = Guard.RefuseChange(request, out _, mediaType);
        if (refusal is null) return null;
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await refusal.ExecuteAsync(context);
        context.Response.ContentType.ShouldStartWith("application/problem+json");
        return context.Response.StatusCode;
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task A_json_call_of_the_admin_with_no_browser_headers_goes_through(string contentType) =>
        (await StatusAsync(Request(contentType))).ShouldBeNull();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData(null)]
    public async Task Anything_but_json_is_415(string? contentType) => (await StatusAsync(Request(contentType))).ShouldBe(415);

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "CROSS-SITE")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "https://wgeo.example.evil.example")]
    [InlineData("Origin", "http://wgeo.example")]
    [InlineData("Origin", "https://wgeo.example:8443")]
    public async Task A_cross_site_request_is_403_before_the_sign_in_and_the_media_type(string header, string value)
    {
        (await StatusAsync(Request("application/json", headers: (header, value)))).ShouldBe(403);
        (await StatusAsync(Request("text/plain", withKey: false, headers: (header, value)))).ShouldBe(403);
    }

    [Theory]
    [InlineData("https://wgeo.example")]
    [InlineData("https://WGEO.example")]
    [InlineData("https://func-wgeo.azurewebsites.net")]
    public async Task The_apps_public_origin_and_the_requested_host_are_its_own(string origin) =>
        (await StatusAsync(Request(headers: [("Origin", origin), ("Sec-Fetch-Site", "same-origin")]))).ShouldBeNull();

    [Fact]
    public async Task Same_site_and_none_are_not_cross_site() =>
        (await StatusAsync(Request(headers: [("Sec-Fetch-Site", "none")]))).ShouldBeNull();

    [Fact]
    public async Task Without_the_key_a_same_origin_change_is_401() =>
        (await StatusAsync(Request(withKey: false, headers: ("Origin", "https://wgeo.example")))).ShouldBe(401);

    [Fact]
    public async Task The_csv_import_leaves_its_media_type_to_itself_but_still_refuses_cross_site()
    {
        (await StatusAsync(Request("text/csv"), mediaType: null)).ShouldBeNull();
        (await StatusAsync(Request("text/csv", headers: ("Sec-Fetch-Site", "cross-site")), mediaType: null)).ShouldBe(403);
        (await StatusAsync(Request("text/csv", headers: ("Origin", "https://evil.example")), mediaType: null)).ShouldBe(403);
    }
}
