using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.InSevenLanguages;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// On the local host, signed in with the admin key, the key stops working (it was changed): an action is refused in place,
/// nothing changes, the key prompt comes back above the same view with what the admin typed; with the key again, the same
/// action goes through. Phone and desktop, in headless Chromium.
/// </summary>
public sealed class AdminKeyExpiryBrowserTests(LocalStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_that_stops_working_refuses_an_action_in_place_and_brings_the_prompt_back_over_the_same_view()
    {
        await using var browser = await BrowserSession.StartAsync();
        foreach (var viewport in Viewport.Both)
        {
            var payload = SamplePayloads.Valid($"e2e-key-expiry-{viewport.Name}-{Guid.NewGuid():N}");
            using var response = await stack.Client.SubmitAsync(payload);
            var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
            await stack.Client.WaitForStatusAsync(requestId, "InReview");
            var context = await viewport.NewContextAsync(browser, stack.BaseUrl);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/api/admin#requests");
            await page.GetByLabel("Admin key").FillAsync(stack.Client.AdminKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator("#signed-in-name")).ToHaveTextAsync("Signed in with the admin key");
            await page.Locator("#requests tr", new() { HasText = requestId }).GetByRole(AriaRole.Button).ClickAsync();
            await page.Locator("#detail-timeline tr").First.WaitForAsync();
            var reason = page.Locator("#detail").GetByLabel("Reason");
            const string typed = "Doublon — طلب مكرر \"copie\"";
            await reason.FillAsync(typed);

            // The key was changed on the server: the one this tab keeps no longer works.
            await page.EvaluateAsync("() => sessionStorage.setItem('wgeo-admin-key', 'a-key-since-replaced')");
            await page.GetByRole(AriaRole.Button, new() { Name = "Terminate (Cancelled)" }).ClickAsync();

            await Assertions.Expect(page.Locator("#session-expired")).ToContainTextAsync("Your session has expired; nothing was changed.");
            await Assertions.Expect(page.GetByLabel("Admin key")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("#detail")).ToBeVisibleAsync();
            await Assertions.Expect(reason).ToHaveValueAsync(typed);
            new Uri(page.Url).Fragment.ShouldBe("#requests");
            (await stack.Client.StatusOfAsync(requestId)).ShouldBe("InReview");
            var violations = await BrowserSession.AccessibilityViolationsAsync(page);
            violations.ShouldBeEmpty(viewport.Name + ": " + BrowserSession.Describe(violations));
            await BrowserSession.ScreenshotAsync(page, $"admin-key-expired-{viewport.Name}");

            await page.GetByLabel("Admin key").FillAsync(stack.Client.AdminKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Admin key")).ToBeHiddenAsync();
            await Assertions.Expect(reason).ToHaveValueAsync(typed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Terminate (Cancelled)" }).ClickAsync();

            await Assertions.Expect(page.Locator("#action-answer")).ToContainTextAsync("terminate: HTTP 200");
            await Assertions.Expect(page.Locator("#session-expired")).ToHaveCountAsync(0);
            await stack.Client.WaitForStatusAsync(requestId, "Cancelled");
            await context.CloseAsync();
        }
    }
}
