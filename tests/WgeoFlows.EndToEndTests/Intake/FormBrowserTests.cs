using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>The built-in form in headless Chromium, as a partner fills it in on a phone or a desktop: keyboard-reachable,
/// labelled, errors announced next to the fields, the reference number on success, and no axe violations anywhere.</summary>
public sealed partial class FormBrowserTests(LocalStack stack)
{
    private static async Task ShouldBeAccessibleAsync(IPage page)
    {
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.ShouldBeEmpty(BrowserSession.Describe(violations));
    }

    [Theory]
    [InlineData("en", true, "Send the request", "Thank you")]
    [InlineData("fr", false, "Envoyer la demande", "Merci")]
    [InlineData("es", true, "Enviar la solicitud", "Gracias")]
    public async Task A_partner_fills_in_and_sends_the_form_and_gets_the_reference_number_and_status_link(string language, bool phone,
        string submit, string thanks)
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(stack.Host.BaseUrl, phone);
        (await page.GotoAsync($"/api/form?lang={language}"))!.Status.ShouldBe(200);
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        await ShouldBeAccessibleAsync(page);
        await BrowserSession.ScreenshotAsync(page, $"form-{language}-empty");

        await page.Locator("#f-organization-name").FillAsync($"Cooperativa Solar {language}");
        await page.Locator("#f-organization-platform").SelectOptionAsync("civil-society");
        await page.Locator("#f-organization-country").SelectOptionAsync("PE");
        await page.Locator("#f-contact-name").FillAsync("Rosa Quispe");
        await page.Locator("#f-contact-email").FillAsync($"rosa.{language}@example.org");
        await page.Locator("#f-request-title").FillAsync("Energy audits for rural cooperatives");
        await page.Locator("#f-request-description").FillAsync(SamplePayloads.Description);
        // Keyboard only for the checkboxes: focus, then Space, as a keyboard user ticks them.
        await page.Locator("#f-request-thematicAreas-energy-efficiency").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#f-request-supportTypes-capacity-building").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#f-attachments").SetInputFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = SamplePayloads.PdfBytes });
        await BrowserSession.ScreenshotAsync(page, $"form-{language}-filled");

        await page.GetByRole(AriaRole.Button, new() { Name = submit }).PressAsync("Enter");
        await page.WaitForSelectorAsync("#reference");

        (await page.Locator("h1").InnerTextAsync()).ShouldStartWith(thanks);
        var requestId = await page.Locator("#reference").InnerTextAsync();
        RequestIdPattern().IsMatch(requestId).ShouldBeTrue(requestId);
        (await page.Locator("#status-link").GetAttributeAsync("href"))!.ShouldContain($"/api/status/{requestId}?sig=");
        await ShouldBeAccessibleAsync(page);
        await BrowserSession.ScreenshotAsync(page, $"form-{language}-accepted");

        var detail = await stack.Client.WaitForStatusAsync(requestId, "InReview");
        detail.GetProperty("request").GetProperty("contact").GetProperty("language").GetString().ShouldBe(language);
        detail.GetProperty("request").GetProperty("attachments")[0].GetProperty("fileName").GetString().ShouldBe("plan.pdf");

        await page.Locator("#status-link").ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain(requestId);
    }

    [Fact]
    public async Task A_form_sent_with_mistakes_shows_an_alert_summary_and_each_error_next_to_its_field()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(stack.Host.BaseUrl, phone: true);
        await page.GotoAsync("/api/form");
        await page.Locator("#f-organization-name").FillAsync("Nairobi County Energy Office");
        await page.Locator("#f-contact-email").FillAsync("amina@localhost");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await page.WaitForSelectorAsync("[role=alert]");

        var summary = page.Locator("[role=alert]");
        (await summary.InnerTextAsync()).ShouldContain("Please correct the following");
        (await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')")).ShouldBe("alert");
        foreach (var field in new[] { "f-request-title", "f-contact-email", "f-organization-platform" })
        {
            var input = page.Locator($"#{field}");
            (await input.GetAttributeAsync("aria-invalid")).ShouldBe("true", field);
            (await input.GetAttributeAsync("aria-describedby"))!.ShouldContain($"e-{field}");
            (await page.Locator($"#e-{field}").InnerTextAsync()).ShouldStartWith("Error:");
        }
        (await page.Locator("#f-organization-name").InputValueAsync()).ShouldBe("Nairobi County Energy Office");
        await ShouldBeAccessibleAsync(page);
        await BrowserSession.ScreenshotAsync(page, "form-en-errors");

        // The summary's links take keyboard users to the field.
        await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "Title of the request" }).ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("f-request-title");
    }

    [GeneratedRegex("^WG-[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex RequestIdPattern();
}
