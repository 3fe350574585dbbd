using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Impact;

/// <summary>The public impact page and its open data over plain HTTP on each host: no sign-in, the right media types, and
/// the CSV and the JSON tell the same figures.</summary>
public abstract class ImpactOpenDataTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_impact_page_the_JSON_and_the_CSV_answer_anyone()
    {
        using var page = await stack.Client.Http.GetAsync("/api/impact?lang=fr", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("<html lang=\"fr\"");

        using var json = await stack.Client.Http.GetAsync("/api/impact/data.json", Ct);
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var data = await json.Content.ReadFromJsonAsync<JsonElement>(Ct);
        data.ValueKind.ShouldBe(JsonValueKind.Object);

        using var csv = await stack.Client.Http.GetAsync("/api/impact/data.csv", Ct);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThan(1, "a header and at least one row of figures");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ImpactOpenDataTestsOnLocalHost(LocalStack stack) : ImpactOpenDataTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ImpactOpenDataTestsOnFunctionsHost(FunctionsStack stack) : ImpactOpenDataTests(stack);
