using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Matching;

/// <summary>The partner registry's admin API over HTTP against the shared local host (sample registry loaded). Partners made
/// here are inactive, so the other tests' matching never offers them anything.</summary>
public abstract class PartnersApiTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => stack.Client.Http;

    private const string Header = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active";

    private static object Body(string name = "Api Partner (fictional)", int capacity = 2, string country = "SN") => new
    {
        name,
        platform = "academia-youth",
        country,
        role = "both",
        thematicAreas = new[] { "green-jobs-skills", "climate-adaptation" },
        supportTypes = new[] { "capacity-building", "financing" },
        languages = new[] { "fr", "en" },
        capacity,
        email = "api-partner@example.org",
        active = false,
    };

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task The_list_pages_through_the_registry_with_a_continuation()
    {
        using var first = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, "/api/admin/partners?pageSize=7");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page1 = await JsonOf(first);
        var items1 = page1.GetProperty("items").EnumerateArray().ToList();
        items1.Count.ShouldBe(7);
        foreach (var field in new[] { "id", "name", "platform", "country", "region", "globalSouth", "role", "capacity", "email", "active" })
        {
            items1[0].TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        var continuation = page1.GetProperty("continuation").GetString()!;

        using var second = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, $"/api/admin/partners?pageSize=7&continuation={Uri.EscapeDataString(continuation)}");
        var items2 = (await JsonOf(second)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        items2.Count.ShouldBe(7);
        items2.ShouldNotContain(items1[0].GetProperty("id").GetString());
        string.CompareOrdinal(items2[0], items1[^1].GetProperty("id").GetString()).ShouldBeGreaterThan(0);

        using var bad = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, "/api/admin/partners?pageSize=0");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(bad)).GetProperty("errors").TryGetProperty("pageSize", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_partner_is_created_read_replaced_and_deleted()
    {
        const string path = "/api/admin/partners/e2e-api-partner";
        using (var created = await AdminHttp.SendAsync(stack.Client, HttpMethod.Put, path, AdminHttp.Json(Body())))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            var partner = await JsonOf(created);
            partner.GetProperty("id").GetString().ShouldBe("e2e-api-partner");
            partner.GetProperty("region").GetString().ShouldBe("africa");
            partner.GetProperty("globalSouth").GetBoolean().ShouldBeTrue();
            partner.GetProperty("role").GetString().ShouldBe("both");
        }
        using (var replaced = await AdminHttp.SendAsync(stack.Client, HttpMethod.Put, path, AdminHttp.Json(Body("Api Partner Renamed (fictional)", 5, "DE"))))
        {
            replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var read = await AdminHttp.GetPartnerAsync(stack.Client, "e2e-api-partner");
        read.GetProperty("name").GetString().ShouldBe("Api Partner Renamed (fictional)");
        read.GetProperty("capacity").GetInt32().ShouldBe(5);
        read.GetProperty("region").GetString().ShouldBe("europe");
        read.GetProperty("globalSouth").GetBoolean().ShouldBeFalse();

        using (var deleted = await AdminHttp.SendAsync(stack.Client, HttpMethod.Delete, path)) deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using (var gone = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, path)) gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var again = await AdminHttp.SendAsync(stack.Client, HttpMethod.Delete, path)) again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_partner_is_refused_with_problem_json_naming_every_bad_field_and_nothing_is_stored()
    {
        var body = new
        {
            name = "",
            platform = "shipping",
            country = "XX",
            role = "donor",
            thematicAreas = new[] { "space" },
            supportTypes = Array.Empty<string>(),
            languages = new[] { "en" },
            capacity = -1,
            email = "not-an-email",
        };
        using var refused = await AdminHttp.SendAsync(stack.Client, HttpMethod.Put, "/api/admin/partners/e2e-bad-partner", AdminHttp.Json(body));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await JsonOf(refused)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        errors.ShouldBe(["capacity", "country", "email", "name", "platform", "role", "supportTypes", "thematicAreas"]);
        using var notStored = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, "/api/admin/partners/e2e-bad-partner");
        notStored.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var notJson = await AdminHttp.SendAsync(stack.Client, HttpMethod.Put, "/api/admin/partners/e2e-bad-partner",
            new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        notJson.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_import_stores_the_good_rows_reports_the_bad_one_and_changes_nothing_when_repeated()
    {
        var csv = $"""
            {Header}
            e2e-import-a,Import A (fictional),cities,BR,provider,biodiversity,technical-assistance,pt;es,2,import-a@example.org,false
            e2e-import-b,Import B (fictional),cities,XX,funder,biodiversity,financing,en,2,import-b@example.org,false
            e2e-import-c,"Import C, Cities (fictional)",cities,IN,both,water-management;biodiversity,financing;policy-advisory,en,3,import-c@example.org,false
            """;
        using var first = await AdminHttp.SendAsync(stack.Client, HttpMethod.Post, "/api/admin/partners/import", AdminHttp.Csv(csv));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await JsonOf(first);
        report.GetProperty("created").GetInt32().ShouldBe(2);
        report.GetProperty("rejected").GetInt32().ShouldBe(1);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["created", "rejected", "created"]);
        rows[1].GetProperty("line").GetInt32().ShouldBe(3);
        rows[1].GetProperty("errors").EnumerateArray().Single().GetString()!.ShouldStartWith("country:");
        (await AdminHttp.GetPartnerAsync(stack.Client, "e2e-import-c")).GetProperty("name").GetString().ShouldBe("Import C, Cities (fictional)");

        using var second = await AdminHttp.SendAsync(stack.Client, HttpMethod.Post, "/api/admin/partners/import", AdminHttp.Csv(csv));
        var repeated = await JsonOf(second);
        repeated.GetProperty("created").GetInt32().ShouldBe(0);
        repeated.GetProperty("updated").GetInt32().ShouldBe(0);
        repeated.GetProperty("unchanged").GetInt32().ShouldBe(2);
        repeated.GetProperty("rejected").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_import_that_is_not_CSV_too_large_or_has_a_wrong_header_is_refused()
    {
        using (var json = await AdminHttp.SendAsync(stack.Client, HttpMethod.Post, "/api/admin/partners/import", AdminHttp.Json(new { id = "x" })))
        {
            json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        }
        var huge = Header + "\n" + new string('x', 8 * 1024 * 1024 + 1);
        using (var tooLarge = await AdminHttp.SendAsync(stack.Client, HttpMethod.Post, "/api/admin/partners/import", AdminHttp.Csv(huge)))
        {
            tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        }
        using var header = await AdminHttp.SendAsync(stack.Client, HttpMethod.Post, "/api/admin/partners/import", AdminHttp.Csv("id,name\ne2e-x,X"));
        header.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(header)).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("missing columns");
    }

    [Theory]
    [InlineData("GET", "/api/admin/partners")]
    [InlineData("GET", "/api/admin/partners/e2e-api-partner")]
    [InlineData("PUT", "/api/admin/partners/e2e-api-partner")]
    [InlineData("DELETE", "/api/admin/partners/e2e-api-partner")]
    [InlineData("POST", "/api/admin/partners/import")]
    public async Task Every_partner_route_refuses_a_caller_without_the_admin_key(string method, string path)
    {
        using var response = await AdminHttp.SendAsync(stack.Client, new HttpMethod(method), path,
            method == "PUT" ? AdminHttp.Json(Body()) : method == "POST" ? AdminHttp.Csv(Header) : null, withKey: false);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class PartnersApiTestsOnLocalHost(LocalStack stack) : PartnersApiTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class PartnersApiTestsOnFunctionsHost(FunctionsStack stack) : PartnersApiTests(stack);
