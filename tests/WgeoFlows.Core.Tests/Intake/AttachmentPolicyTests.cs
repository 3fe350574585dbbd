using System.Text;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class AttachmentPolicyTests
{
    private static AttachmentPolicy.AllowedType TypeOf(string contentType) => AttachmentPolicy.FindAllowed(contentType).ShouldNotBeNull();

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];

    public static TheoryData<string, byte[]> MatchingContent => new()
    {
        { "application/pdf", SamplePayloads.PdfBytes },
        { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip },
        { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip },
        { "application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip },
        { "application/vnd.oasis.opendocument.text", Zip },
        { "application/msword", CompoundFile },
        { "application/vnd.ms-excel", CompoundFile },
        { "application/vnd.ms-powerpoint", CompoundFile },
        { "image/png", SamplePayloads.PngBytes },
        { "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] },
        { "image/gif", Encoding.ASCII.GetBytes("GIF89a\x01\x00") },
        { "image/webp", Encoding.ASCII.GetBytes("RIFF\x10\x00\x00\x00WEBPVP8 ") },
        { "text/plain", Encoding.UTF8.GetBytes("Budget notes — 250 000 USD, 能源\r\n") },
        { "text/csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("year,amount\n2027,250000\n")] },
    };

    [Theory]
    [MemberData(nameof(MatchingContent))]
    public void Accepts_each_allowed_type_whose_bytes_look_like_it(string contentType, byte[] content) =>
        AttachmentPolicy.ContentMatches(TypeOf(contentType), content).ShouldBeTrue();

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/msword")]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("image/gif")]
    [InlineData("image/webp")]
    public void Refuses_bytes_of_another_kind_under_a_binary_type(string contentType)
    {
        var executable = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00 };

        AttachmentPolicy.ContentMatches(TypeOf(contentType), executable).ShouldBeFalse();
    }

    [Fact]
    public void Refuses_a_RIFF_file_that_is_not_WebP() =>
        AttachmentPolicy.ContentMatches(TypeOf("image/webp"), Encoding.ASCII.GetBytes("RIFF\x10\x00\x00\x00WAVEfmt ")).ShouldBeFalse();

    [Fact]
    public void Refuses_a_file_shorter_than_its_magic_number() =>
        AttachmentPolicy.ContentMatches(TypeOf("application/pdf"), "%P"u8.ToArray()).ShouldBeFalse();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/csv")]
    public void Refuses_text_with_a_NUL_or_invalid_UTF8(string contentType)
    {
        AttachmentPolicy.ContentMatches(TypeOf(contentType), "a\0b"u8.ToArray()).ShouldBeFalse();
        AttachmentPolicy.ContentMatches(TypeOf(contentType), [0x61, 0xC3, 0x28]).ShouldBeFalse();
        AttachmentPolicy.ContentMatches(TypeOf(contentType), SamplePayloads.PngBytes).ShouldBeFalse();
    }

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("Application/PDF", "application/pdf")]
    [InlineData("text/plain; charset=utf-8", "text/plain")]
    [InlineData(" image/png ", "image/png")]
    public void Finds_an_allowed_type_by_media_type_ignoring_case_and_parameters(string declared, string expected) =>
        TypeOf(declared).ContentType.ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-msdownload")]
    [InlineData("application/zip")]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("image/jpg")]
    [InlineData("application/vnd.ms-word.document.macroEnabled.12")]
    public void Refuses_a_type_not_on_the_allow_list(string? contentType) =>
        AttachmentPolicy.FindAllowed(contentType).ShouldBeNull();

    [Theory]
    [InlineData("concept-note.pdf", "concept-note.pdf")]
    [InlineData("Concept Note (final).PDF", "Concept Note (final).PDF")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\amina\\Desktop\\note.pdf", "note.pdf")]
    [InlineData("/var/tmp/note.pdf", "note.pdf")]
    [InlineData(".hidden.pdf", "hidden.pdf")]
    [InlineData("...pdf", "attachment.pdf")]
    [InlineData("note\u0000\u001f\u007f.pdf", "note.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("line\nbreak.pdf", "line break.pdf")]
    [InlineData("", "attachment.pdf")]
    [InlineData(null, "attachment.pdf")]
    [InlineData("   ", "attachment.pdf")]
    [InlineData("dir/", "attachment.pdf")]
    [InlineData(".pdf", "attachment.pdf")]
    [InlineData("notes", "notes.pdf")]
    [InlineData("run.exe", "run.exe.pdf")]
    [InlineData("note.pdf.", "note.pdf")]
    [InlineData("مذكرة المفهوم.pdf", "مذكرة المفهوم.pdf")]
    public void Makes_a_safe_file_name(string? fileName, string expected) =>
        AttachmentPolicy.SafeFileName(fileName, TypeOf("application/pdf")).ShouldBe(expected);

    [Theory]
    [InlineData("photo.jpeg", "photo.jpeg")]
    [InlineData("photo.JPG", "photo.JPG")]
    [InlineData("photo.png", "photo.png.jpg")]
    [InlineData("", "attachment.jpg")]
    public void Keeps_any_extension_of_the_type_and_adds_the_usual_one_otherwise(string fileName, string expected) =>
        AttachmentPolicy.SafeFileName(fileName, TypeOf("image/jpeg")).ShouldBe(expected);

    [Fact]
    public void Shortens_a_long_name_to_120_characters_keeping_the_extension()
    {
        var name = AttachmentPolicy.SafeFileName(new string('a', 300) + ".docx", TypeOf("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        name.Length.ShouldBe(120);
        name.ShouldBe(new string('a', 115) + ".docx");
    }

    [Fact]
    public void Never_cuts_a_character_outside_the_basic_plane_in_half()
    {
        var name = AttachmentPolicy.SafeFileName("a" + string.Concat(Enumerable.Repeat("🌍", 100)) + ".pdf", TypeOf("application/pdf"));

        name.Length.ShouldBeLessThanOrEqualTo(120);
        name.ShouldEndWith(".pdf");
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)).ShouldBe(name);
        name.ShouldNotContain("\uFFFD");
    }

    [Fact]
    public void Lists_the_allowed_types_once_each()
    {
        AttachmentPolicy.AllowedTypes.Select(t => t.ContentType).Distinct().Count().ShouldBe(AttachmentPolicy.AllowedTypes.Count);
        AttachmentPolicy.AllowedTypes.Count.ShouldBe(14);
    }
}
