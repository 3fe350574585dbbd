using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>The dashboard's held deliveries ("Needs attention") in a real browser: a Typeform response that could not be mapped is
/// listed with the fields to fix, the admin corrects them and releases it as a request — and no accessibility violations.</summary>
public abstract class HeldDeliveriesBrowserTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_sees_a_held_delivery_corrects_its_fields_and_releases_it_from_the_dashboard()
    {
        var token = $"e2e-held-browser-{Guid.NewGuid():N}";
        var delivery = TypeformSamples.Delivery(token);
        delivery["form_response"]!["answers"]!.AsArray()[1] =
            TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Space agencies" });
        var body = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests/typeform") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add(TypeformSignature.Header, TypeformSignature.Compute(stack.TypeformSecret, body));
        using var response = await stack.Client.Http.SendAsync(message, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var heldId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("heldId").GetString()!;

        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(stack.BaseUrl);
        await page.GotoAsync("/api/admin");
        await page.GetByLabel("Admin key").FillAsync(stack.Client.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Needs attention", Exact = true }).ClickAsync();
        var heldRow = page.Locator("#attention-items > li", new() { HasText = heldId });
        await heldRow.WaitForAsync();
        (await heldRow.InnerTextAsync()).ShouldContain("organization.platform");

        await heldRow.GetByRole(AriaRole.Button, new() { Name = "Fix and release, or discard" }).ClickAsync();
        var fields = page.GetByLabel("Corrected fields");
        await Assertions.Expect(fields).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Space agencies"));
        await fields.FillAsync("{ \"organization.platform\": \"public-sector\" }");
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.ShouldBeEmpty(BrowserSession.Describe(violations));
        await page.GetByRole(AriaRole.Button, new() { Name = "Release as a request" }).ClickAsync();

        await Assertions.Expect(page.Locator("#held-answer")).ToContainTextAsync("HTTP 202");
        await Assertions.Expect(page.Locator("#attention-items")).Not.ToContainTextAsync(heldId);
        await BrowserSession.ScreenshotAsync(page, "admin-held-released");
        var requestId = RequestIds.For("typeform:" + token);
        (await stack.Client.WaitForStatusAsync(requestId, "AwaitingConfirmation")).GetProperty("request").GetProperty("organization")
            .GetProperty("platform").GetString().ShouldBe("public-sector");
    }
}

/// <summary>The scenario above on the local host.</summary>
public sealed class HeldDeliveriesBrowserTestsOnLocalHost(LocalStack stack) : HeldDeliveriesBrowserTests(stack);

/// <summary>The scenario above on the Azure Functions host.</summary>
public sealed class HeldDeliveriesBrowserTestsOnFunctionsHost(FunctionsStack stack) : HeldDeliveriesBrowserTests(stack);
