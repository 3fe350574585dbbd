using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

public sealed class EmailTemplateFormatTests
{
    [Fact]
    public void A_file_splits_at_its_section_lines_and_the_note_before_them_is_dropped()
    {
        const string file = "A note for editors.\n=== subject ===\nHello {{ x }}\n=== footer ===\nWhy\n=== html ===\n<p>Hi</p>\n\n=== text ===\nHi\n";

        var sections = EmailTemplateCatalog.SplitSections(file);

        sections.Keys.ShouldBe(["subject", "footer", "html", "text"], ignoreOrder: true);
        sections["subject"].ShouldBe("Hello {{ x }}");
        sections["html"].ShouldBe("<p>Hi</p>");
        sections["text"].ShouldBe("Hi");
    }

    [Fact]
    public void Windows_line_endings_are_understood()
    {
        var sections = EmailTemplateCatalog.SplitSections("=== subject ===\r\nHello\r\n=== text ===\r\nHi\r\n");

        sections["subject"].ShouldBe("Hello");
        sections["text"].ShouldBe("Hi");
    }

    [Fact]
    public void Every_template_and_the_layout_are_one_file_each_and_parse()
    {
        // The catalog refuses a missing template, a per-language copy ("offer.fr.liquid") and a file that does not parse.
        Should.NotThrow(() => new EmailTemplateCatalog());
        var files = typeof(EmailTemplateCatalog).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith("WgeoFlows.Notifications.Templates.", StringComparison.Ordinal)).ToList();
        files.Count.ShouldBe(EmailTemplates.All.Count + 1);
    }
}
