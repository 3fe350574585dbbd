using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Hosting;
using WgeoFlows.Tests.Support;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Tests.Admin;

/// <summary>In Azure, App Service authentication's principal with the role Wgeo.Admin opens every admin data route; one
/// without the role opens none. (Key, wrong key and forged principal on the real host: the end-to-end sign-in tests.)</summary>
public sealed class AdminSignInTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Trusting() => new ServiceCollection()
        .AddWgeoFlowsCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = stack.Azurite.ConnectionString,
            ["Admin:ApiKey"] = AdminTestData.AdminKey,
            ["Admin:TrustAppServiceAuthentication"] = "true",
        }).Build())
        // As in Azure with App Service authentication on: the platform sets WEBSITE_AUTH_ENABLED=True.
        .AddSingleton(new AppServicePlatform(name => name == AppServicePlatform.AuthEnabledVariable ? "True" : null))
        .AddLogging()
        .BuildServiceProvider();

    private static string Principal(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "preferred_username",
        role_typ = "roles",
        claims = roles.Select(r => new { typ = "roles", val = r }).Append(new { typ = "preferred_username", val = "admin@wgeo.example" }),
    })));

    private async Task<int[]> StatusesAsync(IServiceProvider services, string principal)
    {
        HttpContext Http() => AdminTestData.Http(services, headers: (AdminAuthenticator.PrincipalHeader, principal));
        var requests = services.GetRequiredService<AdminRequestsHandler>();
        var dashboard = services.GetRequiredService<AdminDashboardHandler>();
        var list = Http();
        var detail = Http();
        var summary = Http();
        return
        [
            (await AdminTestData.AnswerAsync(await requests.ListAsync(list.Request, Ct), list)).Status,
            (await AdminTestData.AnswerAsync(await requests.DetailAsync(detail.Request, "req-nobody", stack.Durable, Ct), detail)).Status,
            (await AdminTestData.AnswerAsync(await dashboard.SummaryAsync(summary.Request, Ct), summary)).Status,
        ];
    }

    [Fact]
    public async Task The_principal_with_the_Wgeo_Admin_role_opens_every_admin_data_route_when_trusted()
    {
        await using var services = Trusting();
        // The detail of an unknown id answers 404: signed in, nothing to show.
        (await StatusesAsync(services, Principal("Wgeo.Admin"))).ShouldBe([200, 404, 200]);
    }

    [Fact]
    public async Task A_principal_without_the_role_opens_no_admin_route()
    {
        await using var services = Trusting();
        (await StatusesAsync(services, Principal("Wgeo.Reader"))).ShouldBe([401, 401, 401]);
    }

    [Fact]
    public async Task The_principal_is_not_believed_where_App_Service_authentication_is_not_trusted()
    {
        (await StatusesAsync(stack.Services, Principal("Wgeo.Admin"))).ShouldBe([401, 401, 401]);
    }
}
