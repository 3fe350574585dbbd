using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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

    /// <summary>Runs axe on the page and returns its violations (empty when the page is clean).</summary>
    public static async Task<IReadOnlyList<AxeResultItem>> AccessibilityViolationsAsync(IPage page) =>
        (await page.RunAxe()).Violations;

    /// <summary>A readable summary of violations for a failing assertion.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join("\n", violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));

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
