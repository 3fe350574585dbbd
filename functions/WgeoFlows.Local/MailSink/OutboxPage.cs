using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// The outbox page: every mail the sink received, newest first, its plain text with links made clickable.
/// Everything from a mail is HTML-encoded; the HTML body is shown only inside a sandboxed iframe (no scripts,
/// no forms, no navigation of this page).
/// </summary>
public static partial class OutboxPage
{
    /// <summary>Scripts, frames, objects and remote loads are refused on this page and on the HTML bodies it frames.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'";

    public static string Render(IReadOnlyList<DevMail> mails)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Outbox – WgeoFlows local mail</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; color: #1a1a1a; }
              article { border: 1px solid #767676; border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
              h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
              dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .5rem; }
              dt { font-weight: 600; }
              dd { margin: 0; overflow-wrap: anywhere; }
              pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .75rem; border-radius: .25rem; }
              a { color: #0645ad; }
              iframe { width: 100%; height: 24rem; border: 1px solid #767676; background: #fff; }
            </style>
            </head>
            <body>
            <main>
            <h1>Outbox</h1>
            """);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{mails.Count} {(mails.Count == 1 ? "email" : "emails")} received by the local mail sink, newest first. JSON: <a href=\"/dev/mail\">/dev/mail</a>.</p>\n");

        foreach (var (mail, index) in mails.Select((m, i) => (m, i)))
        {
            AppendMail(html, mail, index);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendMail(StringBuilder html, DevMail mail, int index)
    {
        var e = HtmlEncoder.Default;
        var headingId = $"mail-{index}";
        html.Append(CultureInfo.InvariantCulture, $"<article aria-labelledby=\"{headingId}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{headingId}\">{e.Encode(mail.Subject)}</h2>\n<dl>\n");
        html.Append(CultureInfo.InvariantCulture, $"<dt>To</dt><dd>{e.Encode(string.Join(", ", mail.To))}</dd>\n");
        html.Append(CultureInfo.InvariantCulture, $"<dt>From</dt><dd>{e.Encode(mail.From)}</dd>\n");
        var received = mail.ReceivedAt.ToString("O", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture,
            $"<dt>Received</dt><dd><time datetime=\"{e.Encode(received)}\">" +
                $"{e.Encode(mail.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</time></dd>\n");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Id</dt><dd>{e.Encode(mail.Id)}</dd>\n</dl>\n");

        if (mail.Text is not null)
        {
            html.Append("<pre>").Append(LinkifyEncoded(mail.Text)).Append("</pre>\n");
        }
        if (mail.Html is not null)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<details><summary>HTML version</summary>\n<iframe sandbox=\"\" title=\"HTML version of {e.Encode(mail.Subject)}\" " +
                    $"srcdoc=\"{e.Encode(mail.Html)}\"></iframe>\n</details>\n");
        }
        html.Append("</article>\n");
    }

    /// <summary>HTML-encodes text and turns every http(s) URL in it into a link (trailing punctuation stays text).</summary>
    public static string LinkifyEncoded(string text)
    {
        var e = HtmlEncoder.Default;
        var result = new StringBuilder();
        var last = 0;
        foreach (Match url in UrlPattern().Matches(text))
        {
            result.Append(e.Encode(text[last..url.Index]));
            var encoded = e.Encode(url.Value);
            result.Append(CultureInfo.InvariantCulture, $"<a href=\"{encoded}\">{encoded}</a>");
            last = url.Index + url.Length;
        }
        result.Append(e.Encode(text[last..]));
        return result.ToString();
    }

    [GeneratedRegex("""https?://[^\s<>"']*[^\s<>"'.,;:!?)\]]""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
