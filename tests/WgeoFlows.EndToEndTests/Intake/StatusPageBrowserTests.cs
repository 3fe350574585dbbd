using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>The requester's status page, as their browser shows it: the stage in plain words, in their language, accessible.</summary>
public abstract class StatusPageBrowserTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "In review")]
    [InlineData("fr", "En examen")]
    [InlineData("es", "En revisión")]
    public async Task The_status_page_shows_the_stage_in_the_requesters_language_and_has_no_accessibility_violations(string language,
        string stageWords)
    {
        var payload = SamplePayloads.Valid($"e2e-status-{language}");
        payload["contact"]!["language"] = language;
        using var submitted = await stack.Client.SubmitAsync(payload);
        var accepted = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestId = accepted.GetProperty("requestId").GetString()!;
        await stack.Client.WaitForStatusAsync(requestId, "InReview");

        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(stack.BaseUrl, phone: true);
        var response = await page.GotoAsync(accepted.GetProperty("statusUrl").GetString()!);
        response!.Status.ShouldBe(200);
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        (await page.Locator("main").InnerTextAsync()).ShouldContain(stageWords);
        (await page.Locator("main").InnerTextAsync()).ShouldContain(requestId);
        await BrowserSession.ScreenshotAsync(page, $"status-page-{language}");
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.ShouldBeEmpty(BrowserSession.Describe(violations));
    }

    [Fact]
    public async Task A_status_link_with_a_wrong_signature_shows_a_readable_not_found_page()
    {
        using var submitted = await stack.Client.SubmitAsync(SamplePayloads.Valid("e2e-status-forged"));
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        using var forged = await stack.Client.Http.GetAsync($"/api/status/{requestId}?sig=000000000000000000000000", Ct);
        ((int)forged.StatusCode).ShouldBe(404);
        forged.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await forged.Content.ReadAsStringAsync(Ct)).ShouldContain("not valid");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class StatusPageBrowserTestsOnLocalHost(LocalStack stack) : StatusPageBrowserTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class StatusPageBrowserTestsOnFunctionsHost(FunctionsStack stack) : StatusPageBrowserTests(stack);
