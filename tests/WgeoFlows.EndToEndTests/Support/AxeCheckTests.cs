using WgeoFlows.Testing.Browser;

namespace WgeoFlows.Tests.Support;

/// <summary>The accessibility check every browser test relies on finds what axe finds: a page with broken rules gets
/// their violations, a clean page none. (Without this, a check that silently ran nothing would pass every page.)</summary>
public sealed class AxeCheckTests
{
    [Fact]
    public async Task The_axe_check_reports_the_violations_of_a_broken_page_and_none_on_a_clean_one()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(new Uri("http://127.0.0.1/"));

        await page.SetContentAsync("""
            <html><head><title>Broken</title></head><body><main>
              <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
              <label>Name</label><input id="name">
              <p style="color:#999;background:#fff">Low contrast text</p>
            </main></body></html>
            """);
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.Select(v => v.Id).ShouldBe(["color-contrast", "html-has-lang", "image-alt", "label", "page-has-heading-one"], ignoreOrder: true);
        violations.Single(v => v.Id == "image-alt").Targets.ShouldBe(["img"]);
        BrowserSession.Describe(violations).ShouldContain("image-alt (critical)");

        await page.SetContentAsync("""
            <html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1>
              <label for="name">Name</label><input id="name"></main></body></html>
            """);
        (await BrowserSession.AccessibilityViolationsAsync(page)).ShouldBeEmpty();
    }
}
