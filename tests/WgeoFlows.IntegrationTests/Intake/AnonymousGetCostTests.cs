using Microsoft.AspNetCore.Http;
using WgeoFlows.Impact;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Status;
using WgeoFlows.LinkPages;
using WgeoFlows.Links;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// What an anonymous GET costs in storage requests, counted by a pipeline policy on the app's table clients: the impact
/// page, data.json and data.csv at most one on average (served from figures read once per Impact:CacheFor; the look at the
/// stories stamp once per Impact:UnpublishCheckEvery, a second by default, is held off here so the count does not depend
/// on how fast the machine runs the loop: ImpactPageCostTests counts it on a clock of its own); the status
/// page one read (none for a bad signature); the form page none; a link page two reads (none for a bad token). So nobody
/// on the internet can turn requests to public pages into a multiple of storage requests.
/// </summary>
public sealed class AnonymousGetCostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private const int Gets = 40;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DoorStack _stack = new(azurite, new Dictionary<string, string?> { ["Impact:UnpublishCheckEvery"] = "01:00:00" });

    [Fact]
    public async Task The_impact_page_json_and_csv_cost_at_most_one_storage_request_per_GET_on_average()
    {
        await WarmUpAsync();
        var handler = _stack.Get<ImpactHandler>();
        var costs = new Dictionary<string, double>();
        foreach (var (what, get) in new (string, Func<HttpContext, Task<IResult>>)[]
        {
            ("page", c => handler.PageAsync(c.Request, Ct)),
            ("data.json", _ => handler.JsonAsync(Ct)),
            ("data.csv", _ => handler.CsvAsync(Ct)),
        })
        {
            _stack.Requests.Reset();
            for (var i = 0; i < Gets; i++) (await GetAsync(get, "/api/impact?lang=en")).Status.ShouldBe(200);
            costs[what] = (double)_stack.Requests.Count / Gets;
        }

        // The first GET of the three read the stories stamp and the figures (one query per counter shard and one for the
        // stories); every other GET within Impact:CacheFor read nothing.
        costs.Values.Sum().ShouldBe((double)(ImpactStatsStore.ShardCount + 2) / Gets, $"{string.Join(", ", costs)}");
        costs.Values.ShouldAllBe(c => c <= 1.0);
    }

    [Fact]
    public async Task The_status_page_costs_one_read_and_a_wrong_signature_none()
    {
        await WarmUpAsync();
        var requestId = await StoredRequestAsync();
        var status = _stack.Get<StatusPageHandler>();
        var sig = new Uri(_stack.Get<LinkIssuer>().StatusUrl(requestId)).Query.Split("sig=")[1];

        _stack.Requests.Reset();
        for (var i = 0; i < Gets; i++) (await GetAsync(c => status.ShowAsync(c.Request, requestId, sig, Ct), "/api/status/x")).Status.ShouldBe(200);
        ((double)_stack.Requests.Count / Gets).ShouldBe(1.0);

        _stack.Requests.Reset();
        for (var i = 0; i < Gets; i++) (await GetAsync(c => status.ShowAsync(c.Request, requestId, "forged" + i, Ct), "/api/status/x")).Status.ShouldBe(404);
        _stack.Requests.Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_form_page_costs_no_storage_request()
    {
        await WarmUpAsync();
        var form = _stack.Get<FormPageHandler>();

        _stack.Requests.Reset();
        for (var i = 0; i < Gets; i++) (await GetAsync(c => form.ShowAsync(c.Request), "/api/form?lang=fr")).Status.ShouldBe(200);

        _stack.Requests.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_link_page_costs_two_reads_and_a_tampered_token_none()
    {
        await WarmUpAsync();
        var requestId = await StoredRequestAsync();
        const string reviewer = "lead@example.org";
        await _stack.Get<LinkStageStore>().OpenAsync(requestId, "review-1-r0", LinkKind.Review, "Review", [reviewer], null, DateTimeOffset.UtcNow, Ct);
        var token = _stack.Get<LinkIssuer>().DecisionUrl(LinkKind.Review, requestId, reviewer, "review-1-r0", DateTimeOffset.UtcNow).Split('/')[^1];
        var links = _stack.Get<LinkPageHandler>();

        _stack.Requests.Reset();
        for (var i = 0; i < Gets; i++) (await GetAsync(c => links.ShowAsync(c.Request, LinkKind.Review, token, Ct), "/api/review/x")).Status.ShouldBe(200);
        ((double)_stack.Requests.Count / Gets).ShouldBe(2.0, "the stage and the request");

        _stack.Requests.Reset();
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        for (var i = 0; i < Gets; i++) (await GetAsync(c => links.ShowAsync(c.Request, LinkKind.Review, tampered, Ct), "/api/review/x")).Status.ShouldBeGreaterThanOrEqualTo(400);
        _stack.Requests.Count.ShouldBe(0);
    }

    /// <summary>Tables are created once per process, on the first call: not part of any GET's cost.</summary>
    private Task WarmUpAsync() => _stack.Get<StorageClients>().EnsureCreatedAsync();

    private async Task<string> StoredRequestAsync()
    {
        var requestId = "req-cost-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        (await _stack.Get<RequestStore>().TryAddAsync(new SupportRequest
        {
            RequestId = requestId,
            SubmissionId = "form-" + requestId,
            SubmittedAt = now,
            Organization = new Organization("Nairobi County Energy Office", "cities", "KE", null),
            Contact = new Contact("Amina Otieno", "amina@example.org", "en"),
            Title = "Solar mini-grids",
            Description = "Pilot mini-grids.",
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Status = RequestStatus.InReview,
            UpdatedAt = now,
        }, Ct)).ShouldBeTrue();
        return requestId;
    }

    private async Task<DoorAnswer> GetAsync(Func<HttpContext, Task<IResult>> get, string path)
    {
        var context = DoorCalls.Context(_stack.Services, "GET", path);
        return await DoorCalls.RunAsync(context, await get(context));
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
