using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Impact;

/// <summary>The public impact page in a real browser, in each language: readable without sign-in and free of
/// accessibility violations.</summary>
public abstract class ImpactPageBrowserTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_impact_page_in_English_French_and_Spanish_has_no_accessibility_violations()
    {
        var payload = SamplePayloads.Valid($"e2e-impact-{Guid.NewGuid():N}");
        using (var response = await stack.Client.SubmitAsync(payload))
        {
            var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
            await stack.Client.WaitForStatusAsync(requestId, "InReview");
        }

        await using var browser = await BrowserSession.StartAsync();
        foreach (var (lang, heading) in new[]
        {
            ("en", "Impact of South-South and triangular cooperation"),
            ("fr", "Impact de la coopération Sud-Sud et triangulaire"),
            ("es", "Impacto de la cooperación Sur-Sur y triangular"),
        })
        {
            var page = await browser.NewPageAsync(stack.BaseUrl);
            var answer = await page.GotoAsync($"/api/impact?lang={lang}");
            answer.ShouldNotBeNull().Status.ShouldBe(200);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe(heading);
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(lang);
            (await page.Locator("svg[role=img]").CountAsync()).ShouldBeGreaterThan(0);
            await BrowserSession.ScreenshotAsync(page, $"impact-{lang}");
            var violations = await BrowserSession.AccessibilityViolationsAsync(page);
            violations.ShouldBeEmpty(BrowserSession.Describe(violations));
        }
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ImpactPageBrowserTestsOnLocalHost(LocalStack stack) : ImpactPageBrowserTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ImpactPageBrowserTestsOnFunctionsHost(FunctionsStack stack) : ImpactPageBrowserTests(stack);
