using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Localization;

namespace WgeoFlows.Web;

/// <summary>
/// Renders the pages people open (link pages, status page, form, dashboard) from Liquid templates embedded under
/// Web/Pages. Every value is HTML-encoded (Fluid encodes only when given an encoder, so it is always given one: HTML's special
/// characters become references, the letters of every script stay as they are);
/// the layout receives the already-rendered body. Templates read the message catalog with the "t" filter
/// (<see cref="LiquidTexts"/>) in the page's language; the layout sets lang and dir and shows the language switcher.
/// </summary>
public sealed class PageRenderer
{
    private static readonly FluidParser Parser = new();
    // Markup characters and quotes are still encoded; letters of every script are written as themselves, not as numeric
    // references, which would make an Arabic, Chinese or Russian page several times heavier on a slow connection.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly TemplateOptions _options;
    private readonly TextCatalog _catalog;

    public PageRenderer(TextCatalog catalog)
    {
        _catalog = catalog;
        _options = new TemplateOptions { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance }.AddTexts();
    }

    /// <summary>For tests and tools outside dependency injection.</summary>
    public PageRenderer() : this(TextCatalog.Default)
    {
    }

    public Task<string> RenderAsync(string page, string title, object model, string language = Languages.Default) =>
        RenderAsync(page, title, model, PageLanguage.Fixed(language));

    public async Task<string> RenderAsync(string page, string title, object model, PageLanguage language)
    {
        var texts = _catalog.For(language.Code);
        var body = await RenderTemplateAsync(page, new TemplateContext(model, _options, allowModelMembers: true).UseTexts(texts));
        var layout = new TemplateContext(_options).UseTexts(texts);
        layout.SetValue("title", title);
        layout.SetValue("language", language.Code);
        layout.SetValue("switcher", language.Switcher);
        layout.SetValue("body", new Fluid.Values.StringValue(body, encode: false));
        return await RenderTemplateAsync("layout", layout);
    }

    /// <summary>An HTML page answer with the given status code.</summary>
    public async Task<IResult> PageAsync(int status, string page, string title, object model, string language = Languages.Default) =>
        new HtmlResult(status, await RenderAsync(page, title, model, language));

    /// <summary>An HTML page answer in the language chosen for the request, with the language switcher.</summary>
    public async Task<IResult> PageAsync(int status, string page, string title, object model, PageLanguage language) =>
        new HtmlResult(status, await RenderAsync(page, title, model, language));

    /// <summary>A short page that says what happened (errors, confirmations), in the visitor's language and with the
    /// language switcher: the title and message come from <see cref="TextsFor"/> of the same language.</summary>
    public Task<IResult> MessageAsync(int status, PageLanguage language, string title, string message, string? detail = null) =>
        PageAsync(status, "message", title, new { heading = title, message, detail }, language);

    /// <summary>The catalog's texts in a page's language, for the words a handler puts into a page.</summary>
    public Texts TextsFor(PageLanguage language) => _catalog.For(language.Code);

    private async Task<string> RenderTemplateAsync(string name, TemplateContext context)
    {
        var template = _templates.GetOrAdd(name, Load);
        return await template.RenderAsync(context, Encoder);
    }

    private static IFluidTemplate Load(string name)
    {
        var resource = $"WgeoFlows.Web.Pages.{name}.liquid";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Page template {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Page template {name} does not parse: {error}");
    }
}

/// <param name="cacheControl">no-store unless the page is the same for everyone (the public impact page).</param>
public sealed class HtmlResult(int status, string html, string cacheControl = "no-store") : IResult
{
    public int StatusCode => status;
    public string Html => html;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        // Pages never need to be framed or to run inline script from data; say so to the browser.
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        httpContext.Response.Headers.CacheControl = cacheControl;
        httpContext.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        if (HttpMethods.IsHead(httpContext.Request.Method)) return;
        await httpContext.Response.WriteAsync(html);
    }
}
