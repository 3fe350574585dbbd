using Microsoft.Playwright;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Tests.InSevenLanguages;

/// <summary>
/// A public page as a requester or partner reaches it. <see cref="PrepareAsync"/> brings the browser to just before it (the
/// form before its post), <see cref="LoadAsync"/> loads the page itself, so that the weight test measures that load alone.
/// </summary>
/// <param name="Status">The page's HTTP status.</param>
/// <param name="MustShow">A selector the page must match, proof that it is the page meant and not some other answer.</param>
public sealed record PublicPage(
    string Name,
    int Status,
    string MustShow,
    Func<IPage, string, Task> PrepareAsync,
    Func<IPage, string, Task<IResponse?>> LoadAsync)
{
    public override string ToString() => Name;
}

/// <summary>The pages a requester or partner can see, each openable in any language.</summary>
public static class PublicPages
{
    public const string Form = "form";
    public const string Status = "status";
    public const string Impact = "impact";

    private const string SubmitButton = "main form[method=post] button[type=submit]";

    public static IReadOnlyList<PublicPage> All(LanguageJourney journey) =>
    [
        Get(Form, 200, "main form[method=post]", _ => "/api/form"),
        new("form-errors", 400, "[role=alert]", (page, lang) => page.GotoAsync(WithLanguage("/api/form", lang)),
            (page, _) => SubmitAsync(page)),
        new("form-accepted", 200, "#reference", async (page, lang) =>
            {
                await page.GotoAsync(WithLanguage("/api/form", lang));
                await FillValidFormAsync(page, $"{lang}-{Guid.NewGuid():N}");
            },
            (page, _) => SubmitAsync(page)),
        Get(Status, 200, $"main:has-text(\"{journey.StatusRequestId}\")", _ => journey.StatusPath),
        Get("update", 200, "main form[method=post]", _ => journey.UpdatePath),
        Get("offer", 200, "main form[method=post]", _ => journey.OfferPath),
        Get("confirm", 200, "main form[method=post]", _ => journey.ConfirmPath),
        Get("follow-up", 200, "main form[method=post]", _ => journey.FollowUpPath),
        Get("refusal", 400, "main h1", _ => journey.TamperedPath),
        Get("status-not-found", 404, "main h1", _ => journey.UnknownStatusPath),
        Get(Impact, 200, "svg[role=img]", _ => "/api/impact"),
    ];

    /// <summary><paramref name="path"/> with <c>lang</c> added to its query.</summary>
    public static string WithLanguage(string path, string lang) => $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}lang={lang}";

    /// <summary>The built-in form filled in with valid answers, by field ids, which are the same in every language.</summary>
    public static async Task FillValidFormAsync(IPage page, string tag)
    {
        await page.Locator("#f-organization-name").FillAsync($"Cooperativa Solar {tag}");
        await page.Locator("#f-organization-platform").SelectOptionAsync("civil-society");
        await page.Locator("#f-organization-country").SelectOptionAsync("PE");
        await page.Locator("#f-contact-name").FillAsync("Rosa Quispe");
        await page.Locator("#f-contact-email").FillAsync($"rosa.{tag}@example.org");
        await page.Locator("#f-request-title").FillAsync("Energy audits for rural cooperatives");
        await page.Locator("#f-request-description").FillAsync(SamplePayloads.Description);
        await page.Locator("#f-request-thematicAreas-energy-efficiency").CheckAsync();
        await page.Locator("#f-request-supportTypes-capacity-building").CheckAsync();
    }

    /// <summary>Sends the page's form with its submit button and returns once the answer has loaded.</summary>
    public static Task<IResponse?> SubmitAsync(IPage page) => ClickAndLoadAsync(page, page.Locator(SubmitButton));

    /// <summary>Clicks <paramref name="target"/> and returns the answer of the navigation it starts, once the new page has
    /// loaded (its load event: the document and what it asked for, with or without script).</summary>
    public static async Task<IResponse?> ClickAndLoadAsync(IPage page, ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        // Subscribed before the click, after the current page's own load: the next load event is the new page's.
        page.Load += OnLoad;
        try
        {
            var response = await page.RunAndWaitForResponseAsync(() => target.ClickAsync(),
                r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            return response;
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private static PublicPage Get(string name, int status, string mustShow, Func<string, string> path) =>
        new(name, status, mustShow, (_, _) => Task.CompletedTask, (page, lang) => page.GotoAsync(WithLanguage(path(lang), lang)));
}
