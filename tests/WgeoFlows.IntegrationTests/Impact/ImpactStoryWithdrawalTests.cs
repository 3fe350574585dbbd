using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Impact;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Impact;

/// <summary>
/// A story leaves the impact page and data.json at once when an agreement to be named ends: a partner no longer
/// publishable or removed, a requester's consent withdrawn by the admin action — the next GET no longer shows it, though
/// the page was cached; another instance stops showing it at its next check; a story stored while its consent was being
/// withdrawn does not stay. The counts stay as they were.
/// </summary>
public sealed class ImpactStoryWithdrawalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Every test of the class adds stories to the one Azurite: show them all, so that none drops off as the newest 12 would.
    private static readonly Dictionary<string, string?> AllStories = new() { ["Impact:Stories"] = "100" };

    // The instance that takes a story down drops its own cache: its periodic look at the stories stamp is held off, so that
    // only that can make the next GET right, however slowly the machine runs the test.
    private readonly ImpactStack _stack = new(azurite, settings: new Dictionary<string, string?>(AllStories)
    {
        ["Impact:UnpublishCheckEvery"] = "01:00:00",
    });

    [Fact]
    public async Task A_partner_turned_not_publishable_leaves_the_cached_page_and_open_data_at_once_and_the_counts_stay()
    {
        var partner = "pub-" + Guid.NewGuid().ToString("N")[..8];
        await MatchedPairsAsync(partner, 3);
        var before = await PublishedAsync(_stack);
        StoriesNaming(before.Json, "Partner " + partner).ShouldBe(3);
        before.Page.ShouldContain("Partner " + partner);

        // What an admin's PUT and a CSV import call.
        await _stack.PartnerAsync(partner, publishable: false);

        var after = await PublishedAsync(_stack);
        StoriesNaming(after.Json, "Partner " + partner).ShouldBe(0);
        after.Page.ShouldNotContain("Partner " + partner);
        Matched(after.Json).ShouldBe(Matched(before.Json), "only the stories go");
    }

    [Fact]
    public async Task A_partner_removed_from_the_registry_leaves_the_page_at_once()
    {
        var partner = "gone-" + Guid.NewGuid().ToString("N")[..8];
        await MatchedPairsAsync(partner, 1);
        StoriesNaming((await PublishedAsync(_stack)).Json, "Partner " + partner).ShouldBe(1);

        (await _stack.Services.GetRequiredService<PartnerStore>().DeleteAsync(partner, Ct)).ShouldBeTrue();

        StoriesNaming((await PublishedAsync(_stack)).Json, "Partner " + partner).ShouldBe(0);
    }

    [Fact]
    public async Task Withdraw_consent_sets_the_consent_off_and_takes_the_story_off_the_cached_page_at_once_and_only_that_one()
    {
        var partner = "pub-" + Guid.NewGuid().ToString("N")[..8];
        var requests = await MatchedPairsAsync(partner, 3);
        var withdrawn = Organisation(requests[0]);
        var before = await PublishedAsync(_stack);
        StoriesNaming(before.Json, withdrawn).ShouldBe(1);
        before.Page.ShouldContain(withdrawn);

        var (status, body) = await WithdrawConsentAsync(_stack, requests[0]);

        status.ShouldBe(200);
        body.GetProperty("consentToPublish").GetBoolean().ShouldBeFalse();
        body.GetProperty("storiesRemoved").GetInt32().ShouldBe(1);
        var after = await PublishedAsync(_stack);
        StoriesNaming(after.Json, withdrawn).ShouldBe(0);
        after.Page.ShouldNotContain(withdrawn);
        StoriesNaming(after.Json, Organisation(requests[1])).ShouldBe(1, "the other requesters still agree");
        Matched(after.Json).ShouldBe(Matched(before.Json));
        var record = await _stack.Services.GetRequiredService<RequestStore>().GetAsync(requests[0], Ct);
        record!.Request.ConsentToPublish.ShouldBeFalse();
        (await _stack.Services.GetRequiredService<TimelineStore>().ListAsync(requests[0], Ct))
            .ShouldContain(e => e.Action == "admin action: withdraw-consent");

        var (again, againBody) = await WithdrawConsentAsync(_stack, requests[0]);
        again.ShouldBe(200);
        againBody.GetProperty("storiesRemoved").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Another_instance_stops_showing_a_withdrawn_story_at_its_next_check()
    {
        var partner = "pub-" + Guid.NewGuid().ToString("N")[..8];
        var requests = await MatchedPairsAsync(partner, 3);
        var withdrawn = Organisation(requests[0]);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var other = new ImpactStack(azurite, settings: AllStories, clock: clock);
        await using var strict = new ImpactStack(azurite, settings: new Dictionary<string, string?>(AllStories)
        {
            ["Impact:UnpublishCheckEvery"] = "00:00:00",
        });
        StoriesNaming((await PublishedAsync(other)).Json, withdrawn).ShouldBe(1);
        StoriesNaming((await PublishedAsync(strict)).Json, withdrawn).ShouldBe(1);

        (await WithdrawConsentAsync(_stack, requests[0])).Status.ShouldBe(200);

        StoriesNaming((await PublishedAsync(strict)).Json, withdrawn).ShouldBe(0, "checked on every GET");
        StoriesNaming((await PublishedAsync(other)).Json, withdrawn).ShouldBe(1, "its cache was checked less than a second ago");
        clock.Advance(new ImpactOptions().UnpublishCheckEvery);
        StoriesNaming((await PublishedAsync(other)).Json, withdrawn).ShouldBe(0, "the stories stamp moved: the figures are read again");
    }

    [Fact]
    public async Task A_story_stored_while_its_consent_was_being_withdrawn_does_not_stay()
    {
        var partner = "pub-" + Guid.NewGuid().ToString("N")[..8];
        await _stack.PartnerAsync(partner, publishable: true);
        var requestId = await _stack.SubmitAsync(consent: true);
        await _stack.StatusAsync(requestId, RequestStatus.Matching, RequestStatus.InReview, ImpactStack.Submitted.AddDays(2));
        await _stack.Services.GetRequiredService<EngagementStore>().RecordAsync(requestId, partner, ImpactStack.Submitted.AddDays(5), Ct);
        var requests = _stack.Services.GetRequiredService<RequestStore>();
        // The match is recorded from the record as it was read, with consent; the withdrawal lands in between.
        var readBefore = (await requests.GetAsync(requestId, Ct))!.Request;
        await requests.UpdateAsync(requestId, r => r with { ConsentToPublish = false }, Ct);

        await _stack.Services.GetRequiredService<ImpactRecorder>().RecordAsync(readBefore with { Status = RequestStatus.Matched },
            RequestStatus.Matched, RequestStatus.AwaitingPartner, ImpactStack.Submitted.AddDays(6), Ct);

        var stories = await _stack.Services.GetRequiredService<ImpactStatsStore>().StoryRowsAsync(Ct);
        stories.ShouldNotContain(s => s.RequestId == requestId);
    }

    private async Task<List<string>> MatchedPairsAsync(string partner, int count)
    {
        await _stack.PartnerAsync(partner, publishable: true);
        var requests = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var requestId = await _stack.SubmitAsync(consent: true);
            await _stack.WalkToMatchedAsync(requestId, partner);
            requests.Add(requestId);
        }
        return requests;
    }

    private static string Organisation(string requestId) => "Organisation " + requestId[^6..];

    private static int StoriesNaming(JsonElement figures, string name) =>
        figures.GetProperty("stories").EnumerateArray().Count(s => s.GetRawText().Contains(name, StringComparison.Ordinal));

    private static double? Matched(JsonElement figures) =>
        figures.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("period").GetString() == "all" && c.GetProperty("metric").GetString() == ImpactMetrics.Matched
                && c.GetProperty("dimension").GetString() == "all")
            .TryGetProperty("figure", out var figure) ? figure.GetDouble() : null;

    /// <summary>The page (English) and data.json as the public routes answer them now.</summary>
    private static async Task<(string Page, JsonElement Json)> PublishedAsync(ImpactStack stack)
    {
        var handler = stack.Services.GetRequiredService<ImpactHandler>();
        var page = Context(stack, "GET", "?lang=en");
        await (await handler.PageAsync(page.Request, Ct)).ExecuteAsync(page);
        var json = Context(stack, "GET", null);
        await (await handler.JsonAsync(Ct)).ExecuteAsync(json);
        return (System.Net.WebUtility.HtmlDecode(Body(page)), JsonDocument.Parse(Body(json)).RootElement.Clone());
    }

    /// <summary>POST /api/admin/requests/{id}/withdraw-consent with the admin key. The action does not touch the orchestration,
    /// so no Durable client is given.</summary>
    private static async Task<(int Status, JsonElement Body)> WithdrawConsentAsync(ImpactStack stack, string requestId)
    {
        var context = AdminTestData.Http(stack.Services, "POST", "{}", headers: ("X-Wgeo-Admin-Key", ImpactStack.AdminKey));
        var result = await stack.Services.GetRequiredService<AdminActionsHandler>().ActAsync(context.Request, requestId, "withdraw-consent", null!, Ct);
        return await AdminTestData.AnswerAsync(result, context);
    }

    private static DefaultHttpContext Context(ImpactStack stack, string method, string? query)
    {
        var context = new DefaultHttpContext { RequestServices = stack.Services };
        context.Request.Method = method;
        if (query is not null) context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
