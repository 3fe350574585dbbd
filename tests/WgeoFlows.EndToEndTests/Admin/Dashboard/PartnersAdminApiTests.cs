using System.Net;
using System.Text;
using System.Text.Json;
using WgeoFlows.Tests.Matching;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin.Dashboard;

/// <summary>The partner routes the dashboard uses beyond the contract's first ones, over HTTP on the local host: the list's
/// filters, the import's dry run, the export and a partner's change history. Only partners of this class's own ids are
/// created or changed (the host is shared).</summary>
public sealed class PartnersAdminApiTests(LocalStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var response = await AdminHttp.SendAsync(stack.Client, method, path, content);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, body, response.Content.Headers.ContentType?.ToString());
    }

    private static object Partner(string name, string country, bool active = true) => new
    {
        name,
        platform = "financial-sector",
        country,
        role = "funder",
        thematicAreas = new[] { "green-finance" },
        supportTypes = new[] { "financing" },
        languages = new[] { "fr" },
        capacity = 3,
        email = "fonds@example.org",
        active,
        publishable = false,
    };

    [Theory]
    [InlineData("platform=space", "platform")]
    [InlineData("region=mars", "region")]
    [InlineData("thematicArea=knitting", "thematicArea")]
    [InlineData("supportType=hugs", "supportType")]
    [InlineData("role=king", "role")]
    [InlineData("active=perhaps", "active")]
    [InlineData("publishable=2", "publishable")]
    [InlineData("continuation=not%20a%20token!", "continuation")]
    public async Task A_bad_filter_is_refused_naming_its_field(string query, string field)
    {
        var (status, body, contentType) = await SendAsync(HttpMethod.Get, "/api/admin/partners?" + query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        contentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body.ToString());
    }

    [Fact]
    public async Task Every_change_to_a_partner_is_in_its_history_with_who_and_the_values_before_and_after()
    {
        var id = $"api-hist-{Guid.NewGuid():N}"[..30];
        (await SendAsync(HttpMethod.Put, $"/api/admin/partners/{id}", AdminHttp.Json(Partner("Fonds Vert «Sahel» \"<i>x</i>\"", "SN")))).Status
            .ShouldBe(HttpStatusCode.Created);
        (await SendAsync(HttpMethod.Put, $"/api/admin/partners/{id}", AdminHttp.Json(Partner("Fonds Vert «Sahel» \"<i>x</i>\"", "SN", active: false)))).Status
            .ShouldBe(HttpStatusCode.OK);
        // Saved as it was: no change, nothing recorded.
        (await SendAsync(HttpMethod.Put, $"/api/admin/partners/{id}", AdminHttp.Json(Partner("Fonds Vert «Sahel» \"<i>x</i>\"", "SN", active: false)))).Status
            .ShouldBe(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Delete, $"/api/admin/partners/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var (status, body, _) = await SendAsync(HttpMethod.Get, $"/api/admin/partners/{id}/changes");

        status.ShouldBe(HttpStatusCode.OK);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("action").GetString()).ShouldBe(["deleted", "updated", "created"]);
        items.ShouldAllBe(i => i.GetProperty("actor").GetString() == "admin-key");
        items[2].TryGetProperty("before", out _).ShouldBeFalse();
        items[2].GetProperty("after").GetProperty("name").GetString().ShouldBe("Fonds Vert «Sahel» \"<i>x</i>\"");
        items[1].GetProperty("before").GetProperty("active").GetBoolean().ShouldBeTrue();
        items[1].GetProperty("after").GetProperty("active").GetBoolean().ShouldBeFalse();
        items[0].TryGetProperty("after", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_import_answers_the_report_and_writes_nothing_and_the_export_is_csv_to_save()
    {
        var id = $"api-dry-{Guid.NewGuid():N}"[..30];
        var csv = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email\n"
            + $"{id},Fundação Verde,financial-sector,BR,funder,green-finance,financing,pt,2,verde@example.org\n";

        var (status, body, _) = await SendAsync(HttpMethod.Post, "/api/admin/partners/import?dryRun=true", AdminHttp.Csv(csv));

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        body.GetProperty("created").GetInt32().ShouldBe(1);
        (await SendAsync(HttpMethod.Get, $"/api/admin/partners/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Post, "/api/admin/partners/import?dryRun=perhaps", AdminHttp.Csv(csv))).Status.ShouldBe(HttpStatusCode.BadRequest);

        using var export = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, "/api/admin/partners/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        export.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        export.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldMatch(@"^partners-\d{4}-\d{2}-\d{2}\.csv$");
        var text = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        text.ShouldStartWith("id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active,publishable");
        text.ShouldNotContain(id);
        using var anonymous = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, "/api/admin/partners/export", withKey: false);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
