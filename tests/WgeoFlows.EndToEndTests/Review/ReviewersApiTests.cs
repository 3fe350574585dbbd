using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Review;

/// <summary>GET/PUT /api/admin/reviewers. Only refused PUTs here (they change nothing), so that the
/// shared host's reviewers stay as the other tests expect.</summary>
public abstract class ReviewersApiTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    [Fact]
    public async Task The_sample_reviewers_cover_all_seven_platforms_with_a_primary_and_a_backup()
    {
        var reviewers = (await Client.AdminGetAsync("/api/admin/reviewers")).GetProperty("reviewers").EnumerateArray().ToList();
        var platforms = reviewers.GroupBy(r => r.GetProperty("platform").GetString()).ToList();
        platforms.Count.ShouldBe(7);
        foreach (var platform in platforms)
        {
            platform.Select(r => r.GetProperty("role").GetString()).ShouldContain("primary");
            platform.Select(r => r.GetProperty("role").GetString()).ShouldContain("backup");
        }
        reviewers[0].GetProperty("stage").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_invalid_list_is_refused_with_every_problem_by_field_and_changes_nothing()
    {
        var before = (await Client.AdminGetAsync("/api/admin/reviewers")).GetRawText();
        var body = new
        {
            reviewers = new object[]
            {
                new { platform = "moon-base", stage = 1, email = "lead@example.org", name = "Lead", role = "primary" },
                new { platform = "cities", stage = 0, email = "not-an-email", name = "", role = "chief" },
            },
        };
        using var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", body);

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        put.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "reviewers[0].platform", "reviewers[1].stage", "reviewers[1].email", "reviewers[1].name", "reviewers[1].role" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        (await Client.AdminGetAsync("/api/admin/reviewers")).GetRawText().ShouldBe(before);
    }

    [Fact]
    public async Task A_body_that_is_not_a_reviewer_list_is_refused()
    {
        using var notJson = new HttpRequestMessage(HttpMethod.Put, "/api/admin/reviewers") { Content = new StringContent("{ nope", null, "application/json") };
        notJson.Headers.Add("X-Wgeo-Admin-Key", stack.Client.AdminKey);
        (await Client.Http.SendAsync(notJson, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var noList = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { something = 1 });
        noList.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var text = new HttpRequestMessage(HttpMethod.Put, "/api/admin/reviewers") { Content = new StringContent("a,b") };
        text.Headers.Add("X-Wgeo-Admin-Key", stack.Client.AdminKey);
        (await Client.Http.SendAsync(text, Ct)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Reviewers_need_the_admin_key()
    {
        using var get = await Client.AdminSendAsync(HttpMethod.Get, "/api/admin/reviewers", withKey: false);
        get.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers = Array.Empty<object>() }, withKey: false);
        put.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ReviewersApiTestsOnLocalHost(LocalStack stack) : ReviewersApiTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ReviewersApiTestsOnFunctionsHost(FunctionsStack stack) : ReviewersApiTests(stack);
