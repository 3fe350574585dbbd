using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>The admin dashboard in a real browser: sign in with the key, filter the list, open a request's detail —
/// and no accessibility violations.</summary>
public abstract class AdminDashboardBrowserTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> SubmitAsync(string platform, string title)
    {
        var payload = SamplePayloads.Valid($"e2e-dashboard-{platform}-{Guid.NewGuid():N}");
        payload["organization"]!["platform"] = platform;
        payload["request"]!["title"] = title;
        using var response = await stack.Client.SubmitAsync(payload);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
    }

    [Fact]
    public async Task An_admin_signs_in_filters_by_platform_opens_a_detail_and_the_page_has_no_accessibility_violations()
    {
        var cities = await SubmitAsync("cities", "Solar mini-grids for informal settlements");
        var academia = await SubmitAsync("academia-youth", "Green skills for <i>young</i> engineers");
        await SubmitAsync("private-sector", "Energy efficiency for small factories");
        await stack.Client.WaitForStatusAsync(cities, "InReview");

        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(stack.BaseUrl);
        await page.GotoAsync("/api/admin");
        await page.GetByLabel("Admin key").FillAsync(stack.Client.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#counts li").First.WaitForAsync();
        (await page.Locator("#platforms-chart svg").GetAttributeAsync("aria-label")).ShouldNotBeNull().ShouldContain("Academia");

        await page.GetByRole(AriaRole.Link, new() { Name = "Requests", Exact = true }).ClickAsync();
        await page.GetByLabel("Platform", new() { Exact = true }).SelectOptionAsync("academia-youth");
        // The unfiltered first page may list the academia request too: wait for the filtered page to replace it.
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync(),
            response => response.Url.Contains("platform=academia-youth", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#requests")).Not.ToContainTextAsync(cities);
        var academiaRow = page.Locator("#requests tr", new() { HasText = academia });
        await academiaRow.WaitForAsync();
        (await page.Locator("#requests tr td:nth-child(5)").AllInnerTextsAsync()).ShouldAllBe(platform => platform == "Academia and youth");

        await academiaRow.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("#detail-timeline tr").First.WaitForAsync();
        (await page.Locator("#detail-heading").InnerTextAsync()).ShouldContain("Green skills for <i>young</i> engineers");
        (await page.Locator("#detail-orchestration").InnerTextAsync()).ShouldContain("Running");

        await BrowserSession.ScreenshotAsync(page, "admin-dashboard");
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.ShouldBeEmpty(BrowserSession.Describe(violations));
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class AdminDashboardBrowserTestsOnLocalHost(LocalStack stack) : AdminDashboardBrowserTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class AdminDashboardBrowserTestsOnFunctionsHost(FunctionsStack stack) : AdminDashboardBrowserTests(stack);
