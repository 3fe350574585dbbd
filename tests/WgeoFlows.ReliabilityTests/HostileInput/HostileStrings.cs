namespace WgeoFlows.Tests.HostileInput;

/// <summary>The strings hostile input is made of. Every script payload sets <see cref="PwnedFlag"/> or the document title,
/// so a browser check can tell whether one ran.</summary>
public static class HostileStrings
{
    public const string PwnedFlag = "__pwned";
    public const string PwnedTitle = "PWNED";

    public static readonly string[] Markup =
    [
        $"<script>window.{PwnedFlag}=1;document.title='{PwnedTitle}'</script>",
        $"<img src=x onerror=\"window.{PwnedFlag}=2;document.title='{PwnedTitle}'\">",
        $"\"><svg onload=window.{PwnedFlag}=3>",
        $"'><script>window.{PwnedFlag}=4</script>",
        $"</title><script>window.{PwnedFlag}=5</script>",
        $"<a href=\"javascript:window.{PwnedFlag}=6\">click</a>",
        $"<iframe srcdoc=\"<script>parent.{PwnedFlag}=7</script>\"></iframe>",
        "{{ 7 | times: 191 }}",
        "{% assign x = 'injected' %}{{ x }}",
        "{{ '<script>window.__pwned=8</script>' | raw }}",
        "${7*191}",
        "<!--#exec cmd=\"id\"-->",
    ];

    public static readonly string[] Unicode =
    [
        "\u202Egnp.exe", // right-to-left override
        "\u200B\u200C\u200D\uFEFF", // zero-width characters
        "e\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining marks
        "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // emoji and a ZWJ family
        "\uD800", // a lone surrogate (not valid UTF-16 text)
        "\uFFFD\uFFFE\uFFFF",
        "\u0000nul",
        "bell\u0007 backspace\b escape\u001B[31m",
        "line\r\nbreak\r\n\r\nX-Injected: header",
        "\u00A0\u2028\u2029",
        "ǅǈǋ İı ß ﬃ",
        "مرحبا 中文 русский עברית",
    ];

    public static readonly string[] Traversal =
    [
        "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "....//....//x.pdf", "%2e%2e%2fx.pdf",
        "a/b.pdf", "CON.pdf", "x.pdf\u0000.exe", "..", ".", "", "  ", "x.pdf::$DATA", "\u202Efdp.exe",
        new string('a', 300) + ".pdf",
    ];

    public static string Huge(Random random) => new((char)random.Next('a', 'z' + 1), random.Next(5_000, 70_000));

    /// <summary>The kinds of long text that grow when stored: non-Latin scripts (with the marks right-to-left text carries),
    /// characters outside the BMP, and characters JSON or HTML escape (quotes, backslashes, markup, line breaks and tabs).</summary>
    public static readonly string[] LongTextUnits =
    [
        "مرحبا بكم في المنظمة \u200F",
        "中文的描述，绿色经济。",
        "\"\\\"\\\\\t\n",
        "<script>alert(\"x\")</script>&amp;'\"",
        "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "Привет, мир! ",
    ];

    /// <summary>A text of exactly <paramref name="length"/> UTF-16 characters made of one of <see cref="LongTextUnits"/>,
    /// that a validator keeps as it is (no trailing white space, no half surrogate pair at the end).</summary>
    public static string Long(int unit, int length)
    {
        var u = LongTextUnits[unit % LongTextUnits.Length];
        var text = string.Concat(Enumerable.Repeat(u, length / u.Length + 1))[..length];
        if (char.IsHighSurrogate(text[^1])) text = text[..^1] + "x";
        text = text.Trim();
        return text + new string('x', length - text.Length);
    }

    /// <summary>A long text at one of the contract's limits (or just over it).</summary>
    public static string LongAny(Random random) =>
        Long(random.Next(LongTextUnits.Length), random.Next(3) switch { 0 => 300, 1 => 4_000, _ => random.Next(9_990, 10_002) });

    public static string Any(Random random) => random.Next(5) switch
    {
        0 => Markup[random.Next(Markup.Length)],
        1 => Unicode[random.Next(Unicode.Length)],
        2 => Traversal[random.Next(Traversal.Length)],
        3 => LongAny(random),
        _ => random.Next(3) == 0 ? Huge(random) : "",
    };
}
