using WgeoFlows.Hosting;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Privacy;

/// <summary>The erase routes refuse what they must, with problem+json, and erase nothing when they do: 400 for a missing or
/// too long reason and a bad address, 404 for an unknown request, 415 for anything but JSON, 403 for a cross-site call,
/// 401 without the admin.</summary>
public sealed class ErasureRefusalTests(PrivacyStack stack) : IClassFixture<PrivacyStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Status, System.Text.Json.JsonElement Body)> EraseRequestAsync(string requestId, string? body, string contentType = "application/json",
        bool withKey = true, params (string Name, string Value)[] headers) =>
        stack.CallAsync(ApiRoutes.AdminRequestAction, new Dictionary<string, string> { ["id"] = requestId, ["action"] = "erase" }, "POST", body,
            contentType, withKey, headers);

    private Task<(int Status, System.Text.Json.JsonElement Body)> ErasePersonAsync(string? body, string contentType = "application/json",
        bool withKey = true, params (string Name, string Value)[] headers) =>
        stack.CallAsync(ApiRoutes.AdminPeopleErase, new Dictionary<string, string>(), "POST", body, contentType, withKey, headers);

    public static TheoryData<string?, string> BadRequestBodies => new()
    {
        { """{ "reason": "" }""", "reason" },
        { """{ "reason": "   " }""", "reason" },
        { "{}", "reason" },
        { $$"""{ "reason": "{{new string('x', 501)}}" }""", "reason" },
        { """{ "reason": 42 }""", "reason" },
        { """[ "reason" ]""", "body" },
        { """{ "reason": """, "body" },
    };

    [Theory]
    [MemberData(nameof(BadRequestBodies))]
    public async Task A_request_erasure_without_a_proper_reason_is_400_and_erases_nothing(string? body, string field)
    {
        var request = await stack.RequestAsync(RequestStatus.Closed);

        var (status, problem) = await EraseRequestAsync(request.RequestId, body);

        status.ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        var stored = (await stack.Get<RequestStore>().GetAsync(request.RequestId, Ct))!.Request;
        (stored.ErasedAt, stored.Contact.Email, stored.Title).ShouldBe((null, request.Contact.Email, request.Title));
    }

    [Fact]
    public async Task An_unknown_request_is_404() =>
        (await EraseRequestAsync("WG-00000-00000", """{ "reason": "asked" }""")).Status.ShouldBe(404);

    [Fact]
    public async Task Anything_but_json_is_415_and_a_cross_site_call_403_and_no_admin_401_for_both_routes()
    {
        var request = await stack.RequestAsync(RequestStatus.Rejected);
        const string reason = """{ "reason": "asked", "email": "amina@example.org" }""";

        (await EraseRequestAsync(request.RequestId, reason, "text/plain")).Status.ShouldBe(415);
        (await ErasePersonAsync(reason, "application/x-www-form-urlencoded")).Status.ShouldBe(415);
        (await EraseRequestAsync(request.RequestId, reason, headers: ("Sec-Fetch-Site", "cross-site"))).Status.ShouldBe(403);
        (await ErasePersonAsync(reason, headers: ("Origin", "https://evil.example"))).Status.ShouldBe(403);
        (await EraseRequestAsync(request.RequestId, reason, withKey: false)).Status.ShouldBe(401);
        (await ErasePersonAsync(reason, withKey: false)).Status.ShouldBe(401);

        (await stack.Get<RequestStore>().GetAsync(request.RequestId, Ct))!.Request.ErasedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ "email": "not an address", "reason": "asked" }""", "email")]
    [InlineData("""{ "email": "Amina <amina@example.org>", "reason": "asked" }""", "email")]
    [InlineData("""{ "email": "amina@localhost", "reason": "asked" }""", "email")]
    [InlineData("""{ "reason": "asked" }""", "email")]
    [InlineData("""{ "email": "amina@example.org" }""", "reason")]
    public async Task A_person_erasure_without_a_proper_address_or_reason_is_400_and_erases_nothing(string body, string field)
    {
        var request = await stack.RequestAsync(RequestStatus.Closed);

        var (status, problem) = await ErasePersonAsync(body);

        status.ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await stack.Get<RequestStore>().GetAsync(request.RequestId, Ct))!.Request.ErasedAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_audit_is_for_admins_and_refuses_a_bad_page_size()
    {
        (await stack.CallAsync(ApiRoutes.AdminAudit, new Dictionary<string, string>(), "GET", null, withKey: false)).Status.ShouldBe(401);
        var http = Admin.AdminTestData.Http(stack.Services, query: "?pageSize=0", headers: ("X-Wgeo-Admin-Key", Admin.AdminTestData.AdminKey));
        var call = new Web.Routing.RouteCall(http, stack.Services, _ => null, stack.Durable, Ct);
        (await Admin.AdminTestData.AnswerAsync(await ApiRoutes.AdminAudit.RunAsync(call), http)).Status.ShouldBe(400);
    }
}
