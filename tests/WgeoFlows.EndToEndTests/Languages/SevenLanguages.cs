using System.Text.Json;
using Microsoft.Playwright;
using WgeoFlows.Localization;
using WgeoFlows.Testing.Browser;

// Not WgeoFlows.Tests.Languages: a namespace of that name would hide WgeoFlows.Localization.Languages from every other
// test of this assembly that names it.
namespace WgeoFlows.Tests.InSevenLanguages;

/// <summary>A browser size a page is checked at.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool Mobile)
{
    public static readonly Viewport Phone = new("phone", 390, 844, true);
    public static readonly Viewport Desktop = new("desktop", 1280, 800, false);
    public static readonly IReadOnlyList<Viewport> Both = [Phone, Desktop];

    /// <summary>A fresh context (own cookies) at this size, script on unless <paramref name="script"/> is false.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserSession browser, Uri baseUrl, bool script = true, string? locale = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            IsMobile = Mobile,
            HasTouch = Mobile,
            JavaScriptEnabled = script,
        };
        if (locale is not null) options.Locale = locale;
        return browser.NewContextAsync(options);
    }
}

/// <summary>
/// What every public page must show in each of the seven languages, whatever its words: <c>html[lang]</c> and
/// <c>html[dir]</c>, the layout's switcher with all seven languages each named in its own language, and the footer and the
/// switcher's label read from that language's catalog. Checked on structure, never on translated wording, so that the same
/// checks hold before and after the pages are translated.
/// </summary>
public static class SevenLanguages
{
    /// <summary>The seven languages with their names written in themselves, typed here rather than read from the product,
    /// so that a wrong name in the product shows.</summary>
    public static readonly IReadOnlyList<(string Code, string NativeName)> All =
    [
        ("ar", "العربية"), ("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português"), ("ru", "Русский"), ("zh", "中文"),
    ];

    public static IEnumerable<string> Codes => All.Select(l => l.Code);

    public static string Direction(string code) => code == "ar" ? "rtl" : "ltr";

    /// <summary>The switcher: the layout's navigation in the page header.</summary>
    public const string SwitcherLinks = "header nav a[hreflang]";

    /// <summary>What the layout shows, read in one call to the browser.</summary>
    private sealed record LayoutSeen(string? Lang, string? Dir, string[][] Links, string? SwitcherLabel, string[] Footers);

    /// <summary>Everything the page gets wrong about being in <paramref name="code"/>; empty when it is right.</summary>
    public static async Task<List<string>> LayoutProblemsAsync(IPage page, string code)
    {
        var seen = JsonSerializer.Deserialize<LayoutSeen>(await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const links = [...document.querySelectorAll('{{SwitcherLinks}}')];
              return {
                lang: document.documentElement.getAttribute('lang'),
                dir: document.documentElement.getAttribute('dir'),
                links: links.map(a => [a.getAttribute('hreflang') ?? '', a.getAttribute('lang') ?? '', a.textContent.trim(),
                  a.getAttribute('aria-current') ?? '', a.getAttribute('href') ?? '']),
                switcherLabel: links.length > 0 ? links[0].closest('nav').getAttribute('aria-label') : null,
                footers: [...document.querySelectorAll('body > footer')].map(f => f.innerText.trim()),
              };
            }
            """), JsonSerializerOptions.Web)!;

        var problems = new List<string>();
        if (seen.Lang != code) problems.Add($"html lang=\"{seen.Lang}\", expected \"{code}\"");
        if (seen.Dir != Direction(code)) problems.Add($"html dir=\"{seen.Dir}\", expected \"{Direction(code)}\"");

        var shown = seen.Links.Select(l => $"{l[0]}:{l[2]}").ToList();
        var expected = All.Select(l => $"{l.Code}:{l.NativeName}").ToList();
        if (!shown.SequenceEqual(expected))
        {
            problems.Add($"switcher shows [{string.Join(", ", shown)}], expected [{string.Join(", ", expected)}]");
        }
        foreach (var link in seen.Links)
        {
            if (link[1] != link[0]) problems.Add($"switcher link {link[0]} has lang=\"{link[1]}\"");
            if (!link[4].Contains($"lang={link[0]}", StringComparison.Ordinal)) problems.Add($"switcher link {link[0]} goes to {link[4]}");
            if ((link[0] == code) != (link[3].Length > 0)) problems.Add($"switcher link {link[0]} has aria-current=\"{link[3]}\"");
        }

        var texts = TextCatalog.Default.For(code);
        if (seen.Links.Length > 0 && seen.SwitcherLabel != texts["layout.languages"])
        {
            problems.Add($"switcher aria-label=\"{seen.SwitcherLabel}\", expected \"{texts["layout.languages"]}\"");
        }
        if (seen.Footers.Length != 1 || seen.Footers[0] != texts["layout.footer"])
        {
            problems.Add($"footer [{string.Join(" | ", seen.Footers)}], expected \"{texts["layout.footer"]}\"");
        }
        return problems;
    }
}
