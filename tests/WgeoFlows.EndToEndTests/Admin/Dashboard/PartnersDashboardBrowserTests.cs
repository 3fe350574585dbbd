using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.InSevenLanguages;
using WgeoFlows.Tests.Matching;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Admin.Dashboard;

/// <summary>
/// The dashboard's partners view in a real browser, at phone and desktop size: an admin searches and filters the registry,
/// edits a partner (a bad field is refused next to the field, a good one is saved and shows in the history), checks a CSV
/// with a bad row (dry run: nothing written), applies it, exports the registry and finds its own rows import again
/// unchanged. axe finds no violation on the list, the partner's page and the import report. The host is shared with other
/// tests: every partner here has this run's own ids, and only files holding those are imported.
/// </summary>
public sealed class PartnersDashboardBrowserTests(LocalStack stack)
{
    private const string Header = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email,active,publishable";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_searches_edits_imports_and_exports_partners_from_the_dashboard()
    {
        await using var browser = await BrowserSession.StartAsync();
        foreach (var viewport in Viewport.Both)
        {
            var context = await viewport.NewContextAsync(browser, stack.BaseUrl);
            // Every step on the desktop; on the phone what differs by size (the views, their forms and axe), to keep CI short.
            await RunAsync(await context.NewPageAsync(), viewport.Name, everyStep: viewport == Viewport.Desktop);
            await context.CloseAsync();
        }
    }

    private async Task RunAsync(IPage page, string size, bool everyStep)
    {
        var tag = "t" + Guid.NewGuid().ToString("N")[..10];
        var prefix = $"pb-{size}-{tag}";
        var (french, arabic, chinese) = ($"{prefix}-a", $"{prefix}-b", $"{prefix}-c");
        var frenchName = $"Société Générale d'Énergie «Verte» {tag}";
        var arabicName = $"مؤسسة الطاقة الخضراء {tag}";
        var chineseName = $"=1+2 绿色城市 \"<b>Markup</b>\", Ltd {tag}";
        await PutAsync(french, frenchName, "cities", "FR", "renewable-energy", active: true);
        await PutAsync(arabic, arabicName, "cities", "JO", "water-management", active: true);
        await PutAsync(chinese, chineseName, "academia-youth", "CN", "water-management", active: false);

        await page.GotoAsync("/api/admin");
        await page.GetByLabel("Admin key").FillAsync(stack.Client.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Partners", Exact = true }).ClickAsync();
        var rows = page.Locator("#partners-rows tr");
        var search = page.Locator("#partners-filters").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });
        var save = page.Locator("#partner-form").GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

        // Search: accents and case folded; then the filters narrow the same search.
        await page.GetByLabel("Name or country").FillAsync($"GENERALE D'ENERGIE «VERTE» {tag}");
        await search.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(frenchName);
        await page.GetByLabel("Name or country").FillAsync(tag);
        await page.Locator("#partners-platform").SelectOptionAsync(new SelectOptionValue { Value = "cities" });
        await search.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.Locator("#partners-thematic").SelectOptionAsync(new SelectOptionValue { Value = "water-management" });
        await search.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(arabicName);
        await page.Locator("#partners-platform").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await page.Locator("#partners-active").SelectOptionAsync(new SelectOptionValue { Value = "false" });
        await search.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(chineseName);
        await CheckAccessibilityAsync(page);
        await BrowserSession.ScreenshotAsync(page, $"admin-partners-list-{size}");

        // A partner's page: a bad field is refused next to it and nothing is saved; a good one is saved and in the history.
        await page.GotoAsync($"/api/admin#partners/{french}");
        await Assertions.Expect(page.Locator("#partner-heading")).ToContainTextAsync(frenchName);
        await CheckAccessibilityAsync(page);
        await BrowserSession.ScreenshotAsync(page, $"admin-partner-page-{size}");
        var country = page.GetByLabel("Country (ISO code)");
        await country.FillAsync("ZZ");
        await save.ClickAsync();
        await Assertions.Expect(page.Locator("#partner-error-country")).ToContainTextAsync("'ZZ' is not an ISO 3166-1 alpha-2 country code");
        await Assertions.Expect(country).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(country).ToHaveAttributeAsync("aria-describedby", "partner-error-country");
        await Assertions.Expect(page.Locator("#partner-form-summary")).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.Locator("#partner-error-name")).ToBeEmptyAsync();
        (await AdminHttp.GetPartnerAsync(stack.Client, french)).GetProperty("country").GetString().ShouldBe("FR");

        if (everyStep) await SaveAGoodEditAsync(page, french, country, save);

        await ImportAsync(page, size, everyStep, tag, prefix, arabic, arabicName);
    }

    private async Task SaveAGoodEditAsync(IPage page, string french, ILocator country, ILocator save)
    {
        await country.FillAsync("SN");
        await page.GetByLabel("Capacity (engagements at once)").FillAsync("5");
        await save.ClickAsync();
        await Assertions.Expect(page.Locator("#partner-action-status")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(country).Not.ToHaveAttributeAsync("aria-invalid", "true");
        var history = page.Locator("#partner-history");
        await Assertions.Expect(history).ToContainTextAsync("country: FR → SN");
        await Assertions.Expect(history).ToContainTextAsync("capacity: 2 → 5");
        await Assertions.Expect(history.Locator("tr").First).ToContainTextAsync("updated");
        var saved = await AdminHttp.GetPartnerAsync(stack.Client, french);
        saved.GetProperty("country").GetString().ShouldBe("SN");
        saved.GetProperty("capacity").GetInt32().ShouldBe(5);
    }

    private async Task ImportAsync(IPage page, string size, bool everyStep, string tag, string prefix, string arabic, string arabicName)
    {
        // Import, step one: a dry run reports each row, the bad one rejected with its reason, and writes nothing.
        var created = $"{prefix}-d";
        var rejected = $"{prefix}-e";
        var csv = string.Join('\n', Header,
            $"{created},\"Cooperativa Água, \"\"Limpa\"\" {tag}\",civil-society,BR,provider,water-management,capacity-building,pt;es,1,agua-{tag}@example.org,true,false",
            $"{arabic},{arabicName},cities,JO,provider,water-management,technical-assistance,ar;en,4,{arabic}@example.org,true,true",
            $"{rejected},Space Office {tag},space-agencies,KE,provider,renewable-energy,financing,en,1,space-{tag}@example.org,true,false") + "\n";
        await page.GotoAsync("/api/admin#partners");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "partners.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var report = page.Locator("#partners-import-rows tr");
        await Assertions.Expect(report).ToHaveCountAsync(3);
        await Assertions.Expect(report.Nth(0)).ToContainTextAsync("created");
        await Assertions.Expect(report.Nth(1)).ToContainTextAsync("updated");
        await Assertions.Expect(report.Nth(2)).ToContainTextAsync("rejected");
        await Assertions.Expect(report.Nth(2)).ToContainTextAsync("'space-agencies' is not a platform");
        await Assertions.Expect(page.Locator("#partners-import-caption")).ToContainTextAsync("Dry run: nothing written");
        (await StatusOfAsync(created)).ShouldBe(HttpStatusCode.NotFound);
        (await AdminHttp.GetPartnerAsync(stack.Client, arabic)).GetProperty("capacity").GetInt32().ShouldBe(2);
        await CheckAccessibilityAsync(page);
        await BrowserSession.ScreenshotAsync(page, $"admin-partners-import-{size}");

        if (!everyStep) return;

        // Step two: apply the same file.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the import" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partners-import-caption")).ToContainTextAsync("Import applied");
        await Assertions.Expect(page.Locator("#partners-import-status")).ToContainTextAsync("2 partner(s) written");
        (await AdminHttp.GetPartnerAsync(stack.Client, created)).GetProperty("name").GetString().ShouldBe($"Cooperativa Água, \"Limpa\" {tag}");
        (await AdminHttp.GetPartnerAsync(stack.Client, arabic)).GetProperty("capacity").GetInt32().ShouldBe(4);
        (await StatusOfAsync(rejected)).ShouldBe(HttpStatusCode.NotFound);
        var changes = await ChangesAsync(created);
        changes.GetArrayLength().ShouldBe(1);
        changes[0].GetProperty("action").GetString().ShouldBe("imported");

        // Export: the file is saved from the browser; this run's rows of it import again as unchanged.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export the registry (CSV)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        var exported = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8, Ct);
        exported.TrimStart('\uFEFF').ShouldStartWith(Header);
        exported.ShouldContain($"\"'=1+2 绿色城市 \"\"<b>Markup</b>\"\", Ltd {tag}\"");
        var ours = exported.TrimStart('\uFEFF').Split('\n').Where(line => line.StartsWith(prefix + "-", StringComparison.Ordinal)).ToList();
        ours.Count.ShouldBe(4);
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "export.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', ours) + "\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partners-import-caption")).ToContainTextAsync("0 created, 0 updated, 4 unchanged, 0 rejected");
        await Assertions.Expect(page.Locator("#partners-import-status")).ToContainTextAsync("would change nothing");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply the import" })).ToBeHiddenAsync();
    }

    private static async Task CheckAccessibilityAsync(IPage page)
    {
        var violations = await BrowserSession.AccessibilityViolationsAsync(page);
        violations.ShouldBeEmpty(BrowserSession.Describe(violations));
    }

    private async Task PutAsync(string id, string name, string platform, string country, string thematicArea, bool active)
    {
        using var response = await AdminHttp.SendAsync(stack.Client, HttpMethod.Put, $"/api/admin/partners/{id}", AdminHttp.Json(new
        {
            name,
            platform,
            country,
            role = "provider",
            thematicAreas = new[] { thematicArea },
            supportTypes = new[] { "technical-assistance" },
            languages = new[] { "en" },
            capacity = 2,
            email = $"{id}@example.org",
            active,
            publishable = true,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpStatusCode> StatusOfAsync(string id)
    {
        using var response = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, $"/api/admin/partners/{id}");
        return response.StatusCode;
    }

    private async Task<JsonElement> ChangesAsync(string id)
    {
        using var response = await AdminHttp.SendAsync(stack.Client, HttpMethod.Get, $"/api/admin/partners/{id}/changes");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("items").Clone();
    }
}

