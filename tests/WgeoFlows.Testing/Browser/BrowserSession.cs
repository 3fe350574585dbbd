using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace WgeoFlows.Testing.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright, as a person's browser would load WgeoFlows' pages. Playwright's
/// own browser download is never used (it cannot reach its CDN here): every launch names /usr/bin/chromium.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BrowserSession> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./wgeo test does, as root).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium from calling out of this closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A new page in a fresh context (own cookies and storage), phone-sized when asked.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, bool phone = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh context with options of the test's own (no script, a browser language, another viewport), for the
    /// checks <see cref="NewPageAsync"/>'s phone and desktop do not cover.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => _browser.NewContextAsync(options);

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunAxeForViolations = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
          .map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))
        """;

    /// <summary>Runs axe (every rule it runs by default) on the page and returns its violations (empty when the page is
    /// clean). Axe's bundled script is put into the document once and asked for the violations alone: Deque's
    /// <c>RunAxe</c> gave the same verdicts but took 6–10 s a page on this machine under load (about 1 s this way), and the
    /// browser tests run axe a few hundred times.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> AccessibilityViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeScript.Value);
        var violations = await page.EvaluateAsync<JsonElement>(RunAxeForViolations);
        return [.. violations.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString() ?? "",
            v.GetProperty("impact").GetString() ?? "",
            v.GetProperty("help").GetString() ?? "",
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString() ?? "")]))];
    }

    /// <summary>A readable summary of violations for a failing assertion.</summary>
    public static string Describe(IEnumerable<AxeViolation> violations) =>
        string.Join("\n", violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Targets)}"));

    /// <summary>Saves a full-page screenshot under TestResults/screenshots of the repository and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One rule axe found broken on a page, and where (each element's CSS selector).</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);
