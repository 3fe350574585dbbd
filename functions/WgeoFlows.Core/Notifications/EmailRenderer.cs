using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using WgeoFlows.Intake;
using WgeoFlows.Localization;

namespace WgeoFlows.Notifications;

/// <param name="Language">The language the mail is written in: the one asked for when it is served, English otherwise.</param>
public sealed record RenderedEmail(string Template, string Language, string Subject, string Html, string Text);

/// <summary>
/// Renders a template and its layout in one of the seven languages, its words read from the message catalog. The HTML part
/// is rendered with an HTML encoder, so everything a template prints is HTML-encoded (Fluid encodes nothing without an
/// encoder); subject, footer and text with <see cref="NullEncoder.Default"/>, since they are plain text (the footer is
/// encoded where the HTML layout prints it).
/// </summary>
public sealed partial class EmailRenderer(EmailTemplateCatalog catalog, TextCatalog? texts = null)
{
    /// <summary>Encodes markup (&lt; &gt; &amp; quotes) but leaves letters of every script as they are: an Arabic or Chinese
    /// mail stays readable in its source and a third of the size it would be as numeric entities.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly TextCatalog _texts = texts ?? TextCatalog.Default;

    /// <param name="recipient">The one person the mail is for, or null when it goes to several (no personal greeting).</param>
    public async Task<RenderedEmail> RenderAsync(string template, string language, SupportRequest request, EmailRecipient? recipient,
        IReadOnlyDictionary<string, string> values)
    {
        if (!EmailTemplates.Exists(template)) throw new ArgumentException($"Unknown email template '{template}'.", nameof(template));
        var texts = _texts.For(language);
        var sections = catalog.Template(template);
        var layout = catalog.Layout();

        var context = EmailTemplateModel.CreateContext(request, recipient, PageLinks.InLanguage(values, texts.Language.Code), texts);
        var subject = OneLine(await sections["subject"].RenderAsync(context, NullEncoder.Default));
        var footer = (await sections["footer"].RenderAsync(context, NullEncoder.Default)).Trim();
        var htmlBody = await sections["html"].RenderAsync(context, Html);
        var textBody = (await sections["text"].RenderAsync(context, NullEncoder.Default)).Trim();

        context.SetValue("subject", subject);
        context.SetValue("footer", footer);
        // The HTML body is already encoded: the layout prints it with the raw filter, everything else encoded.
        context.SetValue("body", htmlBody);
        var html = await layout["html"].RenderAsync(context, Html);
        context.SetValue("body", textBody);
        var text = await layout["text"].RenderAsync(context, NullEncoder.Default);

        return new RenderedEmail(template, texts.Language.Code, subject, html, TidyText(text));
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Liquid tags leave blank lines behind; keep at most one empty line between paragraphs.</summary>
    private static string TidyText(string text) =>
        BlankLines().Replace(string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())), "\n\n").Trim() + "\n";

    [GeneratedRegex(@"[\r\n\t ]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
