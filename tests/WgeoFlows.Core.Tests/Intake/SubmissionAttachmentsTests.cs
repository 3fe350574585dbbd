using System.Text.Json.Nodes;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class SubmissionAttachmentsTests
{
    private static SubmissionValidation Validate(JsonArray attachments, AttachmentLimits? limits = null)
    {
        var payload = SamplePayloads.Valid();
        payload["attachments"] = attachments;
        return SubmissionValidator.Validate(payload.ToElement(), limits);
    }

    private static JsonObject Pdf(string name = "note.pdf") => SamplePayloads.Attachment(name, "application/pdf", SamplePayloads.PdfBytes);

    private static byte[] PdfOfSize(int size)
    {
        var bytes = new byte[size];
        SamplePayloads.PdfBytes.AsSpan(0, 5).CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public void Accepts_several_attachments_of_different_types()
    {
        var result = Validate([Pdf(), SamplePayloads.Attachment("map.png", "image/png", SamplePayloads.PngBytes),
            SamplePayloads.Attachment("budget.csv", "text/csv", "year,amount\n2027,1\n"u8.ToArray())]);

        result.Submission!.Attachments.Select(a => (a.FileName, a.ContentType)).ShouldBe([
            ("note.pdf", "application/pdf"), ("map.png", "image/png"), ("budget.csv", "text/csv")]);
    }

    [Fact]
    public void Gives_each_attachment_a_safe_name() =>
        Validate([Pdf("..\\..\\secret/.evil\u0007.pdf")]).Submission!.Attachments[0].FileName.ShouldBe("evil.pdf");

    [Fact]
    public void Names_an_attachment_that_has_no_file_name()
    {
        var attachment = Pdf();
        attachment.Remove("fileName");

        Validate([attachment]).Submission!.Attachments[0].FileName.ShouldBe("attachment.pdf");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("JVBERi0xLjQ")]
    [InlineData("data:application/pdf;base64,JVBERi0xLjQK")]
    public void Refuses_content_that_is_not_base64(string content)
    {
        var attachment = Pdf();
        attachment["contentBase64"] = content;

        Validate([attachment]).Errors.Keys.ShouldBe(["attachments[0].contentBase64"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_an_empty_file(string content)
    {
        var attachment = Pdf();
        attachment["contentBase64"] = content;

        Validate([attachment]).Errors.Keys.ShouldBe(["attachments[0].contentBase64"]);
    }

    [Fact]
    public void Refuses_a_declared_type_not_on_the_allow_list()
    {
        var errors = Validate([SamplePayloads.Attachment("tool.exe", "application/x-msdownload", [0x4D, 0x5A, 0x90, 0x00])]).Errors;

        errors.Keys.ShouldBe(["attachments[0].contentType"]);
        errors["attachments[0].contentType"][0].ShouldContain("application/pdf");
    }

    [Fact]
    public void Refuses_bytes_that_do_not_match_the_declared_type()
    {
        var errors = Validate([Pdf(), SamplePayloads.Attachment("fake.pdf", "application/pdf", SamplePayloads.PngBytes)]).Errors;

        errors.Keys.ShouldBe(["attachments[1].contentBase64"]);
        errors["attachments[1].contentBase64"][0].ShouldContain("PDF document");
    }

    [Fact]
    public void Refuses_an_attachment_with_a_missing_content_type_and_content()
    {
        var errors = Validate([new JsonObject { ["fileName"] = "x.pdf" }]).Errors;

        errors.Keys.Order().ShouldBe(["attachments[0].contentBase64", "attachments[0].contentType"]);
    }

    [Fact]
    public void Refuses_an_attachment_that_is_not_an_object() =>
        Validate(["note.pdf"]).Errors.Keys.ShouldBe(["attachments[0]"]);

    [Fact]
    public void Refuses_attachments_that_are_not_an_array()
    {
        var payload = SamplePayloads.Valid();
        payload["attachments"] = Pdf();

        SubmissionValidator.Validate(payload.ToElement()).Errors.Keys.ShouldBe(["attachments"]);
    }

    [Fact]
    public void Accepts_a_file_of_exactly_the_per_file_limit()
    {
        var limits = new AttachmentLimits { MaxFileBytes = 1_000 };

        Validate([SamplePayloads.Attachment("a.pdf", "application/pdf", PdfOfSize(1_000))], limits).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Refuses_a_file_over_the_per_file_limit()
    {
        var limits = new AttachmentLimits { MaxFileBytes = 1_000 };

        Validate([SamplePayloads.Attachment("a.pdf", "application/pdf", PdfOfSize(1_001))], limits)
            .Errors.Keys.ShouldBe(["attachments[0].contentBase64"]);
    }

    [Fact]
    public void Refuses_a_file_over_5_MiB_by_default()
    {
        var errors = Validate([SamplePayloads.Attachment("big.pdf", "application/pdf", PdfOfSize(5 * AttachmentLimits.MiB + 1))]).Errors;

        errors["attachments[0].contentBase64"][0].ShouldContain("5 MiB");
    }

    [Fact]
    public void Refuses_files_that_together_exceed_the_per_request_limit()
    {
        var limits = new AttachmentLimits { MaxFileBytes = 1_000, MaxTotalBytes = 2_500 };
        var file = SamplePayloads.Attachment("a.pdf", "application/pdf", PdfOfSize(1_000));

        Validate([file.DeepClone(), file.DeepClone()], limits).IsValid.ShouldBeTrue();
        Validate([file.DeepClone(), file.DeepClone(), file.DeepClone()], limits).Errors.Keys.ShouldBe(["attachments"]);
    }

    [Fact]
    public void Refuses_more_than_ten_files()
    {
        var eleven = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode?)Pdf($"{i}.pdf"))]);
        var ten = new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode?)Pdf($"{i}.pdf"))]);

        Validate(ten).IsValid.ShouldBeTrue();
        Validate(eleven).Errors.Keys.ShouldBe(["attachments"]);
    }

    [Fact]
    public void Has_the_limits_of_the_contract_by_default()
    {
        AttachmentLimits.Default.MaxFiles.ShouldBe(10);
        AttachmentLimits.Default.MaxFileBytes.ShouldBe(5 * 1024 * 1024);
        AttachmentLimits.Default.MaxTotalBytes.ShouldBe(8 * 1024 * 1024);
        AttachmentLimits.Default.MaxFileNameLength.ShouldBe(120);
    }

    [Fact]
    public void Reports_attachment_errors_together_with_other_field_errors()
    {
        var payload = SamplePayloads.Valid();
        payload["organization"]!["platform"] = "unknown";
        payload["attachments"] = new JsonArray(SamplePayloads.Attachment("fake.pdf", "application/pdf", SamplePayloads.PngBytes));

        SubmissionValidator.Validate(payload.ToElement()).Errors.Keys.Order()
            .ShouldBe(["attachments[0].contentBase64", "organization.platform"]);
    }

    [Fact]
    public void Files_with_the_same_name_get_numbered_so_each_name_opens_one_file()
    {
        var result = Validate([Pdf("scan.pdf"), Pdf("SCAN.pdf"), Pdf("folder/scan.pdf")]);

        result.Submission!.Attachments.Select(a => a.FileName).ShouldBe(["scan.pdf", "SCAN (2).pdf", "scan (3).pdf"]);
    }

    [Fact]
    public void A_numbered_name_stays_within_the_length_limit()
    {
        var limits = AttachmentLimits.Default with { MaxFileNameLength = 12 };
        var result = Validate([Pdf("abcdefgh.pdf"), Pdf("abcdefgh.pdf")], limits);

        result.Submission!.Attachments.Select(a => a.FileName).ShouldBe(["abcdefgh.pdf", "abcd (2).pdf"]);
    }
}
