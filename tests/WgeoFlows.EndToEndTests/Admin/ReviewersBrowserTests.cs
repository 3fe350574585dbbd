using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.InSevenLanguages;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// The reviewers view and the overview's warnings in a real browser, phone and desktop, on a host of its own (the platform
/// Cities loses its reviewers here, which would break other tests on the shared host): the overview warns in red that Cities
/// has no primary reviewer; a request for Cities waits in review, flagged, and the admins get one mail; on the phone the admin
/// adds a reviewer (a bad email first, shown next to its field) and saves; the request goes on to review with the new
/// reviewer's mail, the flag and the warning are gone, and the change log shows who added whom. No axe violations.
/// </summary>
public sealed class ReviewersBrowserTests : IAsyncLifetime
{
    private const string Secretariat = "secretariat@example.org";
    private const string Operations = "operations@example.org";
    private const string NewReviewer = "zhang.wei@example.cn";
    // Chinese, accents, a quote and markup: all of it must show as text.
    private const string NewReviewerName = "张伟 Zhāng Wěi \"<b>O'Brien</b>\"";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack _stack = null!;

    private WgeoClient Client => _stack.Client;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync(new Dictionary<string, string?>
    {
        ["Admin:NotifyEmails:0"] = Secretariat,
        ["Admin:NotifyEmails:1"] = Operations,
    });

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task A_request_for_a_platform_without_reviewer_waits_until_an_admin_adds_one_in_the_reviewers_view()
    {
        var original = (await Client.AdminGetAsync("/api/admin/reviewers")).GetProperty("reviewers").Deserialize<JsonArray>()!;
        var withoutCities = new JsonArray([.. original.Where(r => r!["platform"]!.GetValue<string>() != "cities").Select(r => r!.DeepClone())]);
        using (var put = await Client.AdminSendAsync(HttpMethod.Put, "/api/admin/reviewers", new { reviewers = withoutCities }))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await WarningsAsync()).ShouldContain(w => w.Kind == "no-primary-reviewer" && w.Platform == "cities");

        var payload = SamplePayloads.Valid("e2e-reviewer-missing");
        payload["request"]!["title"] = "Énergie « solaire » <script>x</script> — طاقة شمسية";
        var requestId = await Client.SubmitNewAsync(payload);
        await Client.WaitForStatusAsync(requestId, "InReview");
        await WaitForFlagAsync(requestId, raised: true);
        var adminMail = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Secretariat), "the admins' reviewer-missing mail");
        adminMail.Subject.ShouldContain("No reviewer for the Cities platform");
        // One message to both admins (the mail sink shows each recipient's copy).
        (await Client.WaitForMailAsync(requestId, m => m.To.Contains(Operations), "the second admin's copy")).Subject.ShouldBe(adminMail.Subject);
        (await Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("orchestration").GetProperty("customStatus")
            .GetProperty("stage").GetString().ShouldBe("review: waiting for a reviewer");

        await using var browser = await BrowserSession.StartAsync();
        var phone = await SignInAsync(browser, Viewport.Phone);
        var desktop = await SignInAsync(browser, Viewport.Desktop);
        foreach (var (page, size) in new[] { (phone, "phone"), (desktop, "desktop") })
        {
            var warning = page.Locator("#warning-items li[data-platform='cities']");
            await Assertions.Expect(warning).ToContainTextAsync("Cities has no primary reviewer");
            (await warning.EvaluateAsync<string>("e => getComputedStyle(e).color")).ShouldBe("rgb(183, 28, 28)");
            await AssertNoViolationsAsync(page);
            await BrowserSession.ScreenshotAsync(page, $"admin-warnings-{size}");

            await warning.GetByRole(AriaRole.Link, new() { Name = "Open the reviewers of Cities" }).ClickAsync();
            var cities = page.Locator("#reviewers-cities");
            await Assertions.Expect(cities.Locator(".warning")).ToContainTextAsync("No primary reviewer");
            await Assertions.Expect(page.Locator("#reviewers-cities-heading")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("#reviewers-public-sector tbody tr")).Not.ToHaveCountAsync(0);
            await AssertNoViolationsAsync(page);
            await BrowserSession.ScreenshotAsync(page, $"admin-reviewers-{size}");
        }

        // The desktop's "Needs attention" lists the waiting request, with its reassign form.
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Needs attention", Exact = true }).ClickAsync();
        var waiting = desktop.Locator($"#attention-items > li[data-kind='reviewer-missing'][data-request-id='{requestId}']");
        await Assertions.Expect(waiting).ToContainTextAsync("Waiting for a reviewer");
        await Assertions.Expect(waiting.GetByLabel("Reviewer's email")).ToBeVisibleAsync();

        // On the phone, with the keyboard: a bad email is refused next to its field and nothing is added.
        var form = phone.Locator("#reviewer-cities-form");
        await form.GetByLabel("Name").FillAsync(NewReviewerName);
        await form.GetByLabel("Email").FillAsync("zhang.wei at example");
        await form.GetByLabel("Email").PressAsync("Enter");
        await Assertions.Expect(phone.Locator("#reviewer-cities-email-error")).ToContainTextAsync("Enter an email address");
        await Assertions.Expect(form.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.GetByLabel("Email")).ToBeFocusedAsync();
        await Assertions.Expect(phone.Locator("#reviewers-errors")).ToContainTextAsync("Cities, Email");
        await Assertions.Expect(phone.Locator("#reviewers-cities tbody tr")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(phone);

        await form.GetByLabel("Email").FillAsync(NewReviewer);
        await form.GetByLabel("Role").SelectOptionAsync("primary");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to the list" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#reviewers-cities tbody")).ToContainTextAsync(NewReviewerName);
        await Assertions.Expect(phone.Locator("#reviewers-cities .warning")).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator("#reviewers-pending")).ToHaveTextAsync("Unsaved changes.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save all changes" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#reviewers-status")).ToContainTextAsync($"1 waiting request went on to review: {requestId}");
        await Assertions.Expect(phone.Locator("#reviewers-pending")).ToHaveTextAsync("No unsaved changes.");

        // The waiting request goes on: the new reviewer's review mail, the flag cleared, the warning gone.
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(NewReviewer), "the new reviewer's review mail");
        WgeoClient.LinkIn(review, "review").ShouldNotBeNullOrEmpty();
        await WaitForFlagAsync(requestId, raised: false);
        (await WarningsAsync()).ShouldNotContain(w => w.Platform == "cities");
        (await Client.MailsAboutAsync(requestId)).Count(m => m.To.Contains(Secretariat)).ShouldBe(1);
        var timeline = await Client.TimelineAsync(requestId);
        timeline.ShouldContain(t => t.Actor == "admin-key" && t.Action == "admin action: reassign");
        timeline.ShouldContain(t => t.Action == "review opened");

        // The item has left "Needs attention" (read again on opening the view).
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Needs attention", Exact = true }).ClickAsync();
        await Assertions.Expect(desktop.Locator("#attention-counts li").First).ToBeVisibleAsync();
        await Assertions.Expect(waiting).ToHaveCountAsync(0);

        // The change log: the desktop's view shows who added whom to which platform, newest first; the overview has no warning.
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Assertions.Expect(desktop.Locator("#warnings")).ToBeHiddenAsync();
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Reviewers", Exact = true }).ClickAsync();
        var newest = desktop.Locator("#reviewer-changes tr").First;
        await Assertions.Expect(newest).ToContainTextAsync("admin-key");
        await Assertions.Expect(newest).ToContainTextAsync("Cities");
        await Assertions.Expect(newest).ToContainTextAsync($"Added {NewReviewerName} <{NewReviewer}>, primary, stage 1");
        await Assertions.Expect(desktop.Locator("#reviewer-changes")).ToContainTextAsync(new Regex("Removed .*cities\\.lead@example\\.org"));
        var changes = await Client.AdminGetAsync("/api/admin/reviewers/changes?pageSize=1");
        var entry = changes.GetProperty("items")[0];
        (entry.GetProperty("platform").GetString(), entry.GetProperty("action").GetString()).ShouldBe(("cities", "added"));
        entry.GetProperty("after")[0].GetProperty("name").GetString().ShouldBe(NewReviewerName);
        changes.GetProperty("continuation").ValueKind.ShouldBe(JsonValueKind.String);
    }

    private async Task<IPage> SignInAsync(BrowserSession browser, Viewport viewport)
    {
        var context = await viewport.NewContextAsync(browser, _stack.Host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/admin#overview");
        await page.GetByLabel("Admin key").FillAsync(Client.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#counts li").First).ToBeVisibleAsync();
        return page;
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.ShouldBeEmpty(BrowserSession.Describe(violations));
    }

    private async Task<IReadOnlyList<(string Kind, string Platform)>> WarningsAsync() =>
        [.. (await Client.AdminGetAsync("/api/admin/summary")).GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("kind").GetString()!, w.GetProperty("platform").GetString()!))];

    /// <summary>Waits until the request's reviewer-missing flag is raised (or cleared): the activity writes it after the status.</summary>
    private async Task WaitForFlagAsync(string requestId, bool raised)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var flags = (await Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("flags");
            if (flags.EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "reviewer-missing") == raised) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The reviewer-missing flag of {requestId} is not {(raised ? "raised" : "cleared")}: {flags}");
            await Task.Delay(200, Ct);
        }
    }
}
