namespace WgeoFlows.Localization.Catalogs;

/// <summary>
/// Names the message catalog for <c>IStringLocalizer</c>: Messages.resx holds the English texts (the neutral culture),
/// and Messages.{code}.resx each other language. Keys are dotted by area: "page.…", "form.…", "status.…", "mail.…",
/// "taxonomy.…", "impact.…"; a text that depends on a count has one key per plural category ("…#one", "…#other").
/// Values are plain text (never HTML: templates add the markup) with named placeholders such as {reference}.
/// </summary>
public sealed class Messages;
