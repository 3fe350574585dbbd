using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using WgeoFlows.Testing;
using WgeoFlows.Testing.Browser;

namespace WgeoFlows.Tests.InSevenLanguages;

/// <summary>
/// Every page a requester or partner sees, in each of the seven languages, in headless Chromium: at phone and desktop size
/// in the language asked for, with its direction, the switcher and no axe violations; and its first load at most 60 KB
/// compressed. Each test checks all pages and languages and reports every failure at once, so that one run says what is
/// left to fix.
/// </summary>
public sealed class PublicPagesInSevenLanguagesTests(LanguageJourney journey) : IClassFixture<LanguageJourney>
{
    /// <summary>The most a page's first load may transfer, compressed: a phone on a slow, metered connection.</summary>
    public const int MaxFirstLoadBytes = 60 * 1024;

    /// <summary>The languages and pages whose screenshots go into TestResults/screenshots: the scripts and the direction
    /// least like English.</summary>
    private static readonly string[] ScreenshotLanguages = ["ar", "zh", "ru"];
    private static readonly string[] ScreenshotPages = [PublicPages.Form, PublicPages.Status, PublicPages.Impact];

    private static ITestOutputHelper Output => TestContext.Current.TestOutputHelper!;

    [Fact]
    public async Task Every_public_page_in_every_language_at_phone_and_desktop_size_is_in_that_language_and_has_no_axe_violations()
    {
        var pages = PublicPages.All(journey);
        await using var browser = await BrowserSession.StartAsync();
        var runs = await Task.WhenAll(Viewport.Both.Select(viewport => CheckEveryPageAsync(browser, viewport, pages)));

        var checks = runs.Sum(r => r.Checks);
        var problems = runs.SelectMany(r => r.Problems).ToList();
        Output.WriteLine($"{checks} page × language × viewport checks ({pages.Count} pages × {SevenLanguages.All.Count} languages × " +
            $"{Viewport.Both.Count} viewports), {problems.Count} problems.");
        foreach (var run in runs) Output.WriteLine(run.Times);
        foreach (var problem in problems) Output.WriteLine(problem);
        problems.ShouldBeEmpty($"{problems.Count} problems in {checks} checks:\n{string.Join("\n", problems)}");
        checks.ShouldBe(pages.Count * SevenLanguages.All.Count * Viewport.Both.Count);
        foreach (var name in ScreenshotPages.SelectMany(p => ScreenshotLanguages.SelectMany(l => Viewport.Both.Select(v => ScreenshotName(p, l, v)))))
        {
            new FileInfo(Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots", name + ".png")).Length.ShouldBeGreaterThan(0, name);
        }
    }

    private async Task<(int Checks, List<string> Problems, string Times)> CheckEveryPageAsync(BrowserSession browser, Viewport viewport,
        IReadOnlyList<PublicPage> pages)
    {
        var context = await viewport.NewContextAsync(browser, TestBaseUrl);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var checks = 0;
        // Where the time goes, for the output: loading (with filling the form), the layout checks, axe, screenshots.
        Stopwatch loading = new(), layout = new(), axe = new(), screenshots = new();
        foreach (var lang in SevenLanguages.Codes)
        {
            foreach (var publicPage in pages)
            {
                checks++;
                var where = $"{publicPage.Name} · {lang} · {viewport.Name}";
                try
                {
                    loading.Start();
                    await publicPage.PrepareAsync(page, lang);
                    var response = await publicPage.LoadAsync(page, lang);
                    loading.Stop();
                    layout.Start();
                    if (response?.Status != publicPage.Status) problems.Add($"{where}: HTTP {response?.Status}, expected {publicPage.Status}");
                    if (await page.Locator(publicPage.MustShow).CountAsync() == 0) problems.Add($"{where}: nothing matches {publicPage.MustShow}");
                    problems.AddRange((await SevenLanguages.LayoutProblemsAsync(page, lang)).Select(p => $"{where}: {p}"));
                    layout.Stop();
                    axe.Start();
                    var violations = await BrowserSession.AccessibilityViolationsAsync(page);
                    axe.Stop();
                    if (violations.Count > 0) problems.Add($"{where}: axe: {BrowserSession.Describe(violations).Replace("\n", " | ", StringComparison.Ordinal)}");
                    if (ScreenshotPages.Contains(publicPage.Name) && ScreenshotLanguages.Contains(lang))
                    {
                        screenshots.Start();
                        await BrowserSession.ScreenshotAsync(page, ScreenshotName(publicPage.Name, lang, viewport));
                        screenshots.Stop();
                    }
                }
                catch (PlaywrightException e)
                {
                    problems.Add($"{where}: {e.Message.Split('\n')[0]}");
                }
                finally
                {
                    foreach (var watch in new[] { loading, layout, axe, screenshots }) watch.Stop();
                }
            }
        }
        await context.CloseAsync();
        return (checks, problems, $"{viewport.Name}: loading {loading.Elapsed.TotalSeconds:F1} s, layout checks {layout.Elapsed.TotalSeconds:F1} s, " +
            $"axe {axe.Elapsed.TotalSeconds:F1} s, screenshots {screenshots.Elapsed.TotalSeconds:F1} s");
    }

    private static string ScreenshotName(string page, string lang, Viewport viewport) => $"lang-{page}-{lang}-{viewport.Name}";

    private Uri TestBaseUrl => journey.BaseUrl;

    [Fact]
    public async Task The_first_load_of_every_public_page_in_every_language_is_at_most_60_KB_compressed()
    {
        var pages = PublicPages.All(journey);
        await using var browser = await BrowserSession.StartAsync();
        var weights = new Dictionary<(string Page, string Lang), Weight>();
        var problems = new List<string>();
        foreach (var publicPage in pages)
        {
            foreach (var lang in SevenLanguages.Codes)
            {
                var where = $"{publicPage.Name} · {lang}";
                try
                {
                    var weight = await FirstLoadAsync(browser, publicPage, lang);
                    weights[(publicPage.Name, lang)] = weight;
                    if (weight.Status != publicPage.Status) problems.Add($"{where}: HTTP {weight.Status}, expected {publicPage.Status}");
                    if (weight.Compressed > MaxFirstLoadBytes) problems.Add($"{where}: {weight.Compressed:N0} bytes compressed, more than {MaxFirstLoadBytes:N0}");
                }
                catch (PlaywrightException e)
                {
                    problems.Add($"{where}: {e.Message.Split('\n')[0]}");
                }
            }
        }

        var table = WeightTable(pages, weights);
        Output.WriteLine(table);
        var file = Path.Combine(RepositoryPaths.Root, "TestResults", "page-weights.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, table, TestContext.Current.CancellationToken);
        Output.WriteLine($"Written to {file}");

        problems.ShouldBeEmpty(string.Join("\n", problems));
        weights.Count.ShouldBe(pages.Count * SevenLanguages.All.Count);
    }

    /// <param name="Compressed">What a compressing front end sends: the host's own compressed size where it compressed,
    /// else gzip (optimal) of the body, summed over the document and every subresource.</param>
    /// <param name="Raw">The same bodies uncompressed.</param>
    /// <param name="ByHost">Whether any response came compressed from the host.</param>
    /// <param name="Language">The page's html[lang], to show where a page is not yet in the language asked for.</param>
    private sealed record Weight(int Status, long Compressed, long Raw, int Resources, bool ByHost, string Language);

    /// <summary>Loads the page in a fresh context (nothing cached) and sums what that load alone transfers.</summary>
    private async Task<Weight> FirstLoadAsync(BrowserSession browser, PublicPage publicPage, string lang)
    {
        var context = await Viewport.Phone.NewContextAsync(browser, TestBaseUrl);
        try
        {
            var page = await context.NewPageAsync();
            await publicPage.PrepareAsync(page, lang);
            var responses = new ConcurrentQueue<IResponse>();
            page.Response += (_, response) => responses.Enqueue(response);
            var document = await publicPage.LoadAsync(page, lang);
            // Fonts are fetched when first used, which may be after the load event.
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

            long compressed = 0, raw = 0;
            var byHost = false;
            foreach (var response in responses)
            {
                if (response.Status is >= 300 and < 400) continue;
                var body = await response.BodyAsync();
                raw += body.Length;
                var encoding = await response.HeaderValueAsync("content-encoding");
                if (encoding is null or "" or "identity")
                {
                    compressed += Gzip(body);
                }
                else
                {
                    byHost = true;
                    compressed += (await response.Request.SizesAsync()).ResponseBodySize;
                }
            }
            return new Weight(document?.Status ?? 0, compressed, raw, responses.Count, byHost,
                await page.Locator("html").GetAttributeAsync("lang") ?? "");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static long Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }
        return buffer.Length;
    }

    private static string WeightTable(IReadOnlyList<PublicPage> pages, Dictionary<(string Page, string Lang), Weight> weights)
    {
        var codes = SevenLanguages.Codes.ToList();
        var byHost = weights.Values.Any(w => w.ByHost);
        var text = new StringBuilder();
        text.AppendLine("# First load of each public page, by language");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Bytes of the response bodies of one page load in a fresh Chromium context (phone size): the document and " +
            $"every subresource it requested (CSS, scripts, fonts, images), headers not counted. The limit is {MaxFirstLoadBytes:N0} bytes.");
        text.AppendLine(byHost
            ? "Some responses came compressed from the host: their compressed size is counted; the others are gzipped by the test (optimal level)."
            : "The host sent every response uncompressed: each body was gzipped by the test (CompressionLevel.Optimal), the size a compressing front end would send.");
        text.AppendLine("A page marked * was not in the language asked for (its html lang differs).");
        text.AppendLine();
        AppendTable(text, "Compressed (gzip) bytes", pages, codes, weights, w => w.Compressed);
        AppendTable(text, "Uncompressed bytes", pages, codes, weights, w => w.Raw);
        text.AppendLine(CultureInfo.InvariantCulture, $"Requests per load: {string.Join(", ", weights.Values.Select(w => w.Resources).Distinct().Order())}.");
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, string heading, IReadOnlyList<PublicPage> pages, List<string> codes,
        Dictionary<(string Page, string Lang), Weight> weights, Func<Weight, long> figure)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {heading}");
        text.AppendLine();
        text.AppendLine($"| page | {string.Join(" | ", codes)} | largest |");
        text.AppendLine($"|---|{string.Concat(codes.Select(_ => "---:|"))}---:|");
        foreach (var page in pages)
        {
            var cells = codes.Select(code => weights.TryGetValue((page.Name, code), out var w)
                ? figure(w).ToString("N0", CultureInfo.InvariantCulture) + (w.Language == code ? "" : "*")
                : "—");
            var largest = codes.Select(code => weights.TryGetValue((page.Name, code), out var w) ? figure(w) : 0).Max();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {page.Name} | {string.Join(" | ", cells)} | {largest:N0} |");
        }
        text.AppendLine();
    }
}
