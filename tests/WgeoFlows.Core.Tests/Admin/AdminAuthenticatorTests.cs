using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Tests.Admin;

public sealed class AdminAuthenticatorTests
{
    /// <summary>By default on a platform whose App Service authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>).</summary>
    private static AdminAuthenticator Authenticator(bool trustAppService = false, string? websiteAuthEnabled = "True") =>
        new(Options.Create(new AdminOptions { ApiKey = "the-admin-key", TrustAppServiceAuthentication = trustAppService }),
            new AppServicePlatform(name => name == "WEBSITE_AUTH_ENABLED" ? websiteAuthEnabled : null));

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        return context.Request;
    }

    private static string Principal(params (string Typ, string Val)[] claims) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        "{\"auth_typ\":\"aad\",\"role_typ\":\"roles\",\"claims\":[" +
        string.Join(",", claims.Select(c => $"{{\"typ\":\"{c.Typ}\",\"val\":\"{c.Val}\"}}")) + "]}"));

    [Fact]
    public void The_right_key_signs_in() =>
        Authenticator().Authenticate(Request(("X-Wgeo-Admin-Key", "the-admin-key"))).ShouldNotBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("the-admin-ke")]
    [InlineData("the-admin-key ")]
    [InlineData("THE-ADMIN-KEY")]
    public void A_wrong_key_is_no_one(string key) =>
        Authenticator().Authenticate(Request(("X-Wgeo-Admin-Key", key))).ShouldBeNull();

    [Fact]
    public void No_key_is_no_one() => Authenticator().Authenticate(Request()).ShouldBeNull();

    [Fact]
    public void An_empty_configured_key_lets_no_one_in_even_with_an_empty_header() =>
        new AdminAuthenticator(Options.Create(new AdminOptions { ApiKey = "" })).Authenticate(Request(("X-Wgeo-Admin-Key", ""))).ShouldBeNull();

    [Fact]
    public void An_App_Service_principal_with_the_admin_role_signs_in_where_trusted()
    {
        var identity = Authenticator(trustAppService: true).Authenticate(Request(("X-MS-CLIENT-PRINCIPAL",
            Principal(("roles", "Wgeo.Admin"), ("preferred_username", "ana@wgeo.example")))));
        identity.ShouldNotBeNull();
        identity.Name.ShouldBe("ana@wgeo.example");
    }

    [Fact]
    public void The_principal_header_is_ignored_where_App_Service_does_not_set_it() =>
        Authenticator(trustAppService: false).Authenticate(Request(("X-MS-CLIENT-PRINCIPAL", Principal(("roles", "Wgeo.Admin"))))).ShouldBeNull();

    [Fact]
    public void A_principal_without_the_role_is_no_one() =>
        Authenticator(trustAppService: true).Authenticate(Request(("X-MS-CLIENT-PRINCIPAL", Principal(("roles", "Reader"))))).ShouldBeNull();

    [Theory]
    [InlineData("not base64!")]
    [InlineData("e30=")] // {}
    [InlineData("WzFd")] // [1]
    public void A_garbled_principal_is_no_one(string header) =>
        Authenticator(trustAppService: true).Authenticate(Request(("X-MS-CLIENT-PRINCIPAL", header))).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("False")]
    [InlineData("false")]
    [InlineData("1")]
    public void The_principal_header_is_ignored_when_the_setting_is_on_but_App_Service_authentication_is_not(string? websiteAuthEnabled)
    {
        var authenticator = Authenticator(trustAppService: true, websiteAuthEnabled);

        authenticator.TrustsPrincipalHeader.ShouldBeFalse();
        authenticator.Authenticate(Request(("X-MS-CLIENT-PRINCIPAL", Principal(("roles", "Wgeo.Admin"))))).ShouldBeNull();
    }

    [Theory]
    [InlineData("True")]
    [InlineData("true")]
    [InlineData(" TRUE ")]
    public void The_principal_header_is_read_when_the_setting_is_on_and_App_Service_authentication_is_enabled(string websiteAuthEnabled) =>
        Authenticator(trustAppService: true, websiteAuthEnabled).Authenticate(Request(("X-MS-CLIENT-PRINCIPAL", Principal(("roles", "Wgeo.Admin")))))
            .ShouldNotBeNull();

    [Fact]
    public void The_platform_flag_alone_does_not_make_the_header_trusted() =>
        Authenticator(trustAppService: false, "True").TrustsPrincipalHeader.ShouldBeFalse();

    [Fact]
    public void By_default_the_platform_is_read_from_the_process_environment_variable_WEBSITE_AUTH_ENABLED()
    {
        AppServicePlatform.AuthEnabledVariable.ShouldBe("WEBSITE_AUTH_ENABLED");
        var set = Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED");
        AppServicePlatform.Current.AuthenticationEnabled.ShouldBe(string.Equals(set?.Trim(), "True", StringComparison.OrdinalIgnoreCase));
        // The test process runs without App Service: a host wired with the setting on still refuses the header.
        var wired = new AdminAuthenticator(Options.Create(new AdminOptions { ApiKey = "k", TrustAppServiceAuthentication = true }));
        if (set is null) wired.Authenticate(Request(("X-MS-CLIENT-PRINCIPAL", Principal(("roles", "Wgeo.Admin"))))).ShouldBeNull();
    }
}
