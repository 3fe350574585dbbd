using System.Text.Json;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.InSevenLanguages;

/// <summary>Arabic pages mirror: on the form sent empty, the error summary and the submit button start from the right of the
/// content column, as they start from the left in English. Measured at desktop size, where the column is wide enough for
/// "well away from the other edge" to mean something.</summary>
public sealed class RightToLeftMirrorTests(LocalStack stack)
{
    /// <summary>How close to the column's edge the start of a box must be: a few pixels of rounding.</summary>
    private const double Near = 4;

    /// <summary>The summary's heading text sits inside its border and padding (3 px and 1 rem in the form's style): a little more slack.</summary>
    private const double NearInsideSummary = 24;

    private sealed record Edges(double Left, double Right);

    private sealed record Layout(Edges Column, Edges Summary, Edges SummaryText, Edges Button);

    [Theory]
    [InlineData("ar", true)]
    [InlineData("en", false)]
    public async Task On_the_form_sent_empty_the_error_summary_and_the_submit_button_sit_on_the_side_the_language_starts(string lang,
        bool rightToLeft)
    {
        await using var browser = await BrowserSession.StartAsync();
        var context = await Viewport.Desktop.NewContextAsync(browser, stack.BaseUrl);
        var page = await context.NewPageAsync();
        (await page.GotoAsync($"/api/form?lang={lang}"))!.Status.ShouldBe(200);
        await PublicPages.SubmitAsync(page);
        (await page.Locator("[role=alert]").CountAsync()).ShouldBe(1);
        (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe(rightToLeft ? "rtl" : "ltr");
        await BrowserSession.ScreenshotAsync(page, $"lang-form-errors-{lang}-desktop");

        var layout = JsonSerializer.Deserialize<Layout>(await page.EvaluateAsync<JsonElement>("""
            () => {
              const edges = r => ({ left: r.left, right: r.right });
              const main = document.querySelector('main');
              const style = getComputedStyle(main);
              const box = main.getBoundingClientRect();
              const summary = document.querySelector('[role=alert]');
              const heading = summary.querySelector('h1, h2, h3') ?? summary;
              const text = document.createRange();
              text.selectNodeContents(heading);
              return {
                column: { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) },
                summary: edges(summary.getBoundingClientRect()),
                summaryText: edges(text.getBoundingClientRect()),
                button: edges(document.querySelector('main form[method=post] button[type=submit]').getBoundingClientRect()),
              };
            }
            """), JsonSerializerOptions.Web)!;
        var width = layout.Column.Right - layout.Column.Left;
        TestContext.Current.TestOutputHelper!.WriteLine($"{lang}: {layout}");

        // Distance from the edge the language starts at, and from the other one.
        double FromStart(Edges e) => rightToLeft ? layout.Column.Right - e.Right : e.Left - layout.Column.Left;
        double FromEnd(Edges e) => rightToLeft ? e.Left - layout.Column.Left : layout.Column.Right - e.Right;
        var side = rightToLeft ? "right" : "left";

        FromStart(layout.Summary).ShouldBeInRange(-Near, Near, $"the error summary's box starts at the column's {side} edge");
        FromStart(layout.SummaryText).ShouldBeInRange(0, NearInsideSummary, $"the error summary's heading starts at the column's {side} edge");
        FromEnd(layout.SummaryText).ShouldBeGreaterThan(width / 4, "the error summary's heading is well away from the other edge");
        FromStart(layout.Button).ShouldBeInRange(-Near, Near, $"the submit button starts at the column's {side} edge");
        FromEnd(layout.Button).ShouldBeGreaterThan(width / 4, "the submit button is well away from the other edge");
    }
}
