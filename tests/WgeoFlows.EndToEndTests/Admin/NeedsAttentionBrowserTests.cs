using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Playwright;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.InSevenLanguages;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Notifications;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// The "Needs attention" view in a real browser, on a phone and a desktop at once, on a host of its own (an offer round of
/// three seconds, so a request reaches the manual match within the test): two held deliveries (one fixed and released, one
/// discarded), a bounced mail (marked as dealt with), a failed request (restarted once its reviewer is fixed) and a request
/// waiting for a manual match (matched with a ranked candidate). Each item leaves the list once dealt with; an action on an
/// item that is stale is refused next to it; the list ends empty — and axe finds nothing at either size.
/// </summary>
public sealed class NeedsAttentionBrowserTests : IAsyncLifetime
{
    private const string CitiesLead = "cities.lead@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack _stack = null!;

    private WgeoClient Client => _stack.Client;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync(new Dictionary<string, string?>
    {
        ["Matching:MaxRounds"] = "1",
        ["Matching:OfferTimeout"] = "00:00:03",
        ["SendGrid:EventWebhookPublicKey"] = SendGridSigner.PublicKey,
    });

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task An_admin_clears_each_kind_of_item_in_place_on_a_phone_and_a_desktop()
    {
        // The public-sector platform's reviewer has an address no mail can go to: its requests fail at their review mail.
        var reviewers = (await Client.AdminGetAsync("/api/admin/reviewers")).GetProperty("reviewers").Deserialize<JsonArray>()!;
        var table = new TableClient(_stack.Storage.ConnectionString, TableNames.Reviewers);
        foreach (var reviewer in reviewers.Where(r => r!["platform"]!.GetValue<string>() == "public-sector"))
        {
            await table.DeleteEntityAsync("public-sector", $"{reviewer!["stage"]}|{reviewer["email"]}", cancellationToken: Ct);
        }
        await table.UpsertEntityAsync(new TableEntity("public-sector", "1|not-an-address")
        {
            ["Stage"] = 1,
            ["Email"] = "not-an-address",
            ["Name"] = "Broken address",
            ["Role"] = "primary",
        }, cancellationToken: Ct);

        var failing = await SubmitAsync("public-sector", "Énergie « solaire » pour l'école <b>n°1</b>");
        var bounced = await SubmitAsync("cities", "屋顶太阳能 <script>alert(1)</script>");
        var unmatched = await SubmitAsync("cities", "طاقة متجددة \"للمدارس\"");
        var released = await HoldAsync();
        var discarded = await HoldAsync();
        await Task.WhenAll(
            Client.WaitForStatusAsync(failing, "Failed", TimeSpan.FromSeconds(60)),
            BounceAcknowledgementAsync(bounced),
            ApproveAndWaitForManualMatchAsync(unmatched));

        await using var browser = await BrowserSession.StartAsync();
        var phone = await SignedInAsync(browser, Viewport.Phone);
        var desktop = await SignedInAsync(browser, Viewport.Desktop);
        foreach (var page in new[] { phone, desktop })
        {
            foreach (var requestId in new[] { failing, bounced, unmatched }) await Item(page, requestId).WaitForAsync();
            foreach (var heldId in new[] { released, discarded }) await Held(page, heldId).WaitForAsync();
            await Assertions.Expect(page.Locator("#attention-counts li[data-kind=held] strong")).ToHaveTextAsync("2");
        }
        await Assertions.Expect(Item(desktop, bounced).Locator("h3")).ToContainTextAsync("屋顶太阳能 <script>alert(1)</script>");
        await Assertions.Expect(Item(desktop, bounced)).ToContainTextAsync("amina@example.org: 550 5.1.1 The email account does not exist");
        await Assertions.Expect(Item(desktop, failing)).ToContainTextAsync("Failed activity");
        await Assertions.Expect(Item(desktop, unmatched).Locator(".candidates li").First).ToContainTextAsync("thematic-fit");
        await BrowserSession.ScreenshotAsync(phone, "admin-attention-phone");
        await BrowserSession.ScreenshotAsync(desktop, "admin-attention-desktop");
        foreach (var page in new[] { phone, desktop })
        {
            var violations = await BrowserSession.AccessibilityViolationsAsync(page);
            violations.ShouldBeEmpty(BrowserSession.Describe(violations));
        }

        // On the phone: the bounced mail is marked as dealt with, and a held delivery is discarded.
        await Item(phone, bounced).GetByRole(AriaRole.Button, new() { Name = "Mark as dealt with" }).ClickAsync();
        await Assertions.Expect(Item(phone, bounced)).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator("#attention-status")).ToContainTextAsync("marked as dealt with");
        (await Client.AdminGetAsync($"/api/admin/requests/{bounced}")).GetProperty("flags").GetArrayLength().ShouldBe(0);
        (await Client.TimelineAsync(bounced)).ShouldContain(t => t.Actor == "admin-key" && t.Action == "admin action: clear flag");

        await Held(phone, discarded).GetByRole(AriaRole.Button, new() { Name = "Fix and release, or discard" }).ClickAsync();
        await Held(phone, discarded).GetByLabel("Reason").FillAsync("Envoyé deux fois — « doublon »");
        await Held(phone, discarded).GetByRole(AriaRole.Button, new() { Name = "Discard (deletes the delivery)" }).ClickAsync();
        await Assertions.Expect(Held(phone, discarded)).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator("#held-answer")).ToContainTextAsync("HTTP 200");

        // On the desktop: the other held delivery is fixed and released, the failed request restarted once its reviewer is
        // fixed, and the request waiting for a manual match matched with its best-ranked candidate.
        await Held(desktop, released).GetByRole(AriaRole.Button, new() { Name = "Fix and release, or discard" }).ClickAsync();
        await Held(desktop, released).GetByLabel("Corrected fields").FillAsync("{ \"organization.platform\": \"cities\" }");
        await Held(desktop, released).GetByRole(AriaRole.Button, new() { Name = "Release as a request" }).ClickAsync();
        await Assertions.Expect(Held(desktop, released)).ToHaveCountAsync(0);
        await Assertions.Expect(desktop.Locator("#held-answer")).ToContainTextAsync("HTTP 202");

        using (var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers }))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        }
        await Item(desktop, failing).GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();
        await Assertions.Expect(Item(desktop, failing)).ToHaveCountAsync(0);
        await Client.WaitForStatusAsync(failing, "InReview", TimeSpan.FromSeconds(60));

        var candidate = Item(desktop, unmatched).Locator(".candidates > li").First;
        var partnerName = await candidate.Locator("strong").InnerTextAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Match with this partner: " + partnerName }).ClickAsync();
        await Assertions.Expect(Item(desktop, unmatched)).ToHaveCountAsync(0);
        await Client.WaitForStatusAsync(unmatched, "Matched", TimeSpan.FromSeconds(60));

        // The phone still shows the match it read before: choosing there now is refused next to the item, and nothing changes.
        await Item(phone, unmatched).Locator(".candidates > li").First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(Item(phone, unmatched).Locator("[role=alert]")).ToContainTextAsync("Not done: The request is Matched");
        (await Client.TimelineAsync(unmatched)).Count(t => t.Action == "admin action: match").ShouldBe(1);

        // Everything on this host was dealt with: the list is empty at both sizes.
        foreach (var page in new[] { phone, desktop })
        {
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByText("Nothing needs your attention.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#attention-items > li")).ToHaveCountAsync(0);
        }
    }

    private static ILocator Item(IPage page, string requestId) => page.Locator($"#attention-items > li[data-request-id=\"{requestId}\"]");

    private static ILocator Held(IPage page, string heldId) => page.Locator($"#attention-items > li[data-held-id=\"{heldId}\"]");

    private async Task<IPage> SignedInAsync(BrowserSession browser, Viewport viewport)
    {
        var context = await viewport.NewContextAsync(browser, _stack.Host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/admin#attention");
        await page.GetByLabel("Admin key").FillAsync(Client.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#attention-counts li").First.WaitForAsync();
        return page;
    }

    private async Task<string> SubmitAsync(string platform, string title)
    {
        var payload = SamplePayloads.Valid($"e2e-attention-{platform}-{Guid.NewGuid():N}");
        payload["organization"]!["platform"] = platform;
        payload["request"]!["title"] = title;
        return await Client.SubmitNewAsync(payload);
    }

    /// <summary>A Typeform response whose platform cannot be mapped: held for an admin.</summary>
    private async Task<string> HoldAsync()
    {
        var delivery = TypeformSamples.Delivery($"e2e-attention-held-{Guid.NewGuid():N}");
        delivery["form_response"]!["answers"]!.AsArray()[1] =
            TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Space agencies" });
        var body = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests/typeform") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add(TypeformSignature.Header, TypeformSignature.Compute(LocalStack.TypeformSecretValue, body));
        using var response = await Client.Http.SendAsync(message, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("heldId").GetString()!;
    }

    /// <summary>SendGrid's signed event: the requester's acknowledgement bounced.</summary>
    private async Task BounceAcknowledgementAsync(string requestId)
    {
        await Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org"), "acknowledgement");
        await Client.WaitForStatusAsync(requestId, "InReview");
        using var message = SendGridEvents.Post(SendGridEvents.AcknowledgementBounce(requestId));
        using var response = await Client.Http.SendAsync(message, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The reviewer approves; the only offer round times out after three seconds and the request waits for an admin.</summary>
    private async Task ApproveAndWaitForManualMatchAsync(string requestId)
    {
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(CitiesLead), "review request");
        using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await Client.WaitForStatusAsync(requestId, "NeedsManualMatch", TimeSpan.FromSeconds(90));
    }
}
