using WgeoFlows.Privacy.People;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Privacy.People;

/// <summary>Both people routes refuse a caller without the admin key (401) and a missing, doubled or malformed address
/// (400 naming <c>email</c>), as problem+json, without a single storage request.</summary>
public sealed class PeopleRouteRefusalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DoorStack _stack = new(azurite);

    public static TheoryData<string> Routes => new() { "list", "export" };

    public static TheoryData<string, string> BadAddresses => new()
    {
        { "list", "" },
        { "list", "?email=" },
        { "list", "?email=not-an-address" },
        { "list", "?email=a%40example.org&email=b%40example.org" },
        { "export", "?email=Zo%C3%AB%20%3Czoe%40example.org%3E" },
        { "export", "?email=zoe%40localhost" },
        { "export", "?email=" + new string('a', 250) + "%40example.org" },
        { "export", "?other=zoe%40example.org" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_the_admin_key_or_with_a_wrong_one_the_answer_is_401(string route)
    {
        await _stack.Get<StorageClients>().EnsureCreatedAsync();
        foreach (var key in new string?[] { null, "wrong-key" })
        {
            _stack.Requests.Reset();
            var answer = await CallAsync(route, "?email=zoe%40example.org", key);

            answer.Status.ShouldBe(401);
            answer.ContentType.ShouldBe("application/problem+json");
            _stack.Requests.Count.ShouldBe(0);
        }
    }

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_missing_doubled_or_malformed_address_is_a_400_naming_email(string route, string query)
    {
        await _stack.Get<StorageClients>().EnsureCreatedAsync();
        _stack.Requests.Reset();

        var answer = await CallAsync(route, query, DoorCalls.AdminKey);

        answer.Status.ShouldBe(400);
        answer.ContentType.ShouldBe("application/problem+json");
        answer.Json.GetProperty("errors").GetProperty(PeopleHandler.EmailParameter).GetArrayLength().ShouldBe(1);
        answer.Headers.ContentDisposition.ToString().ShouldBeEmpty("a refusal is no file");
        _stack.Requests.Count.ShouldBe(0, "refused before reading anything");
    }

    private async Task<DoorAnswer> CallAsync(string route, string query, string? key)
    {
        var path = (route == "list" ? "/api/" + Hosting.Routes.AdminPeople : "/api/" + Hosting.Routes.AdminPeopleExport) + query;
        var context = DoorCalls.Context(_stack.Services, "GET", path);
        if (key is not null) context.Request.Headers["X-Wgeo-Admin-Key"] = key;
        var handler = _stack.Get<PeopleHandler>();
        var result = route == "list" ? await handler.ListAsync(context.Request, Ct) : await handler.ExportAsync(context.Request, Ct);
        return await DoorCalls.RunAsync(context, result);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
