using System.Reflection;
using WgeoFlows.Hosting;
using WgeoFlows.Web.Routing;

namespace WgeoFlows.Tests.Hosting;

/// <summary>The route table's own rules; <c>RouteTableHostsTests</c> checks that both hosts serve exactly this table.</summary>
public sealed class ApiRoutesTests
{
    /// <summary>Every route and verb the public contract promises, as a caller sends it.</summary>
    public static TheoryData<string, string> ContractRoutes => new()
    {
        { "POST", "/api/requests" },
        { "POST", "/api/requests/typeform" },
        { "GET", "/api/form" }, { "POST", "/api/form" },
        { "GET", "/api/status/r1" }, { "HEAD", "/api/status/r1" },
        { "GET", "/api/review/t" }, { "HEAD", "/api/review/t" }, { "POST", "/api/review/t" },
        { "GET", "/api/update/t" }, { "HEAD", "/api/update/t" }, { "POST", "/api/update/t" },
        { "GET", "/api/offer/t" }, { "HEAD", "/api/offer/t" }, { "POST", "/api/offer/t" },
        { "GET", "/api/confirm/t" }, { "HEAD", "/api/confirm/t" }, { "POST", "/api/confirm/t" },
        { "GET", "/api/followup/t" }, { "HEAD", "/api/followup/t" }, { "POST", "/api/followup/t" },
        { "GET", "/api/admin" },
        { "GET", "/api/admin/requests" }, { "GET", "/api/admin/requests/r1" },
        { "POST", "/api/admin/requests/r1/resend" }, { "POST", "/api/admin/requests/r1/erase" },
        { "GET", "/api/admin/people" }, { "GET", "/api/admin/people/export" },
        { "GET", "/api/admin/partners" }, { "GET", "/api/admin/partners/p1" }, { "PUT", "/api/admin/partners/p1" },
        { "DELETE", "/api/admin/partners/p1" }, { "POST", "/api/admin/partners/import" },
        { "GET", "/api/admin/partners/export" }, { "GET", "/api/admin/partners/p1/changes" }, { "GET", "/api/admin/partner-terms" },
        { "GET", "/api/admin/reviewers" }, { "PUT", "/api/admin/reviewers" },
        { "GET", "/api/health" },
    };

    [Theory]
    [MemberData(nameof(ContractRoutes))]
    public void Every_route_of_the_contract_is_in_the_table(string method, string path) =>
        RouteTableMatch.Of(method, path).ShouldNotBeNull($"{method} {path}");

    [Fact]
    public void Every_entry_is_listed_once_under_its_own_name()
    {
        var declared = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ApiRoute))
            .Select(f => (f.Name, Route: (ApiRoute)f.GetValue(null)!))
            .ToList();
        foreach (var (name, route) in declared) route.Name.ShouldBe(name);
        ApiRoutes.All.Select(r => r.Name).Order().ShouldBe(declared.Select(d => d.Name).Order());
        ApiRoutes.All.Select(r => r.Name).ShouldBeUnique();
    }

    [Fact]
    public void No_template_and_verb_reach_two_entries()
    {
        var pairs = ApiRoutes.All.SelectMany(r => r.Verbs.Select(v => $"{v} {r.Template}")).ToList();
        pairs.ShouldBeUnique();
    }

    [Fact]
    public void Admin_routes_need_the_admin_and_their_changes_are_guarded_against_cross_site_requests()
    {
        // The dashboard's page and script are under admin/ but carry no data: the page asks for the key itself; the session
        // route tells it which sign-in to offer, and names no one but the caller.
        var open = new[] { ApiRoutes.AdminDashboard, ApiRoutes.AdminDashboardScript, ApiRoutes.AdminSession };
        foreach (var route in ApiRoutes.All.Where(r => r.Template.StartsWith("admin", StringComparison.Ordinal)).Except(open))
        {
            var changes = route.Verbs.Any(v => v is not ("GET" or "HEAD"));
            route.Auth.ShouldBe(changes ? RouteAuth.AdminChange : RouteAuth.Admin, route.Name);
        }
        foreach (var route in ApiRoutes.All.Where(r => r.Auth is RouteAuth.Admin or RouteAuth.AdminChange))
        {
            route.Template.ShouldStartWith("admin/", Case.Sensitive, route.Name);
        }
    }

    [Fact]
    public void Admin_routes_are_not_rate_limited_and_every_signed_link_is()
    {
        foreach (var route in ApiRoutes.All)
        {
            if (route.Auth is RouteAuth.Admin or RouteAuth.AdminChange) route.Door.ShouldBeNull(route.Name);
            if (route.Auth is RouteAuth.SignedLink) route.Door.ShouldNotBeNull(route.Name);
        }
    }

    [Fact]
    public void A_route_reads_the_parameters_of_its_template()
    {
        ApiRoutes.ReviewLinkShow.Parameters.ShouldBe(["token"]);
        ApiRoutes.AdminAttachment.Parameters.ShouldBe(["id", "fileName"]);
        ApiRoutes.Health.Parameters.ShouldBeEmpty();
    }
}
