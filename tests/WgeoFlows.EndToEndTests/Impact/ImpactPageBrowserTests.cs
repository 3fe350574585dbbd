using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Localization;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Impact;

/// <summary>The public impact page in a real browser, in each of the seven languages, phone-sized and desktop: readable
/// without sign-in, free of accessibility violations, and mirrored in Arabic.</summary>
public abstract class ImpactPageBrowserTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_impact_page_in_each_language_has_no_accessibility_violations()
    {
        var payload = SamplePayloads.Valid($"e2e-impact-{Guid.NewGuid():N}");
        using (var response = await stack.Client.SubmitAsync(payload))
        {
            var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
            await stack.Client.WaitForStatusAsync(requestId, "InReview");
        }

        await using var browser = await BrowserSession.StartAsync();
        foreach (var language in Languages.All)
        {
            foreach (var phone in new[] { false, true })
            {
                var page = await browser.NewPageAsync(stack.BaseUrl, phone);
                var answer = await page.GotoAsync($"/api/impact?lang={language.Code}");
                answer.ShouldNotBeNull().Status.ShouldBe(200);
                (await page.Locator("h1").InnerTextAsync()).ShouldBe(TextCatalog.Default.For(language.Code)["impact.heading"]);
                (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language.Code);
                (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe(language.Direction);
                (await page.Locator("svg[role=img]").CountAsync()).ShouldBeGreaterThan(0);
                await BrowserSession.ScreenshotAsync(page, $"impact-{language.Code}{(phone ? "-phone" : "")}");
                var violations = await BrowserSession.AccessibilityViolationsAsync(page);
                violations.ShouldBeEmpty($"{language.Code}{(phone ? " (phone)" : "")}: {BrowserSession.Describe(violations)}");
            }
        }
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ImpactPageBrowserTestsOnLocalHost(LocalStack stack) : ImpactPageBrowserTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ImpactPageBrowserTestsOnFunctionsHost(FunctionsStack stack) : ImpactPageBrowserTests(stack);
