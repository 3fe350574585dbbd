using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

/// <summary>The macro-capable legacy Office formats (.doc, .xls, .ppt: OLE compound files) are refused unless
/// Intake:Attachments:AllowLegacyOffice is on; their modern counterparts are always accepted.</summary>
public sealed class LegacyOfficeAttachmentTests
{
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00];

    public static TheoryData<string, string> LegacyTypes => new()
    {
        { "minutes.doc", "application/msword" },
        { "budget.xls", "application/vnd.ms-excel" },
        { "pitch.ppt", "application/vnd.ms-powerpoint" },
        { "budget.xls", "Application/Vnd.MS-Excel; charset=binary" },
    };

    private static SubmissionValidation Validate(string fileName, string contentType, byte[] content, AttachmentLimits? limits = null)
    {
        var payload = SamplePayloads.Valid();
        payload["attachments"] = new JsonArray(SamplePayloads.Attachment(fileName, contentType, content));
        return SubmissionValidator.Validate(payload.ToElement(), limits);
    }

    [Theory]
    [MemberData(nameof(LegacyTypes))]
    public void A_legacy_office_file_is_refused_by_default_with_a_reason(string fileName, string contentType)
    {
        var result = Validate(fileName, contentType, CompoundFile);

        result.IsValid.ShouldBeFalse();
        result.Errors.Keys.ShouldBe(["attachments[0].contentType"]);
        result.Errors["attachments[0].contentType"][0].ShouldContain("macros");
    }

    [Theory]
    [MemberData(nameof(LegacyTypes))]
    public void A_legacy_office_file_is_accepted_when_the_setting_allows_it(string fileName, string contentType)
    {
        var result = Validate(fileName, contentType, CompoundFile, AttachmentLimits.Default with { AllowLegacyOffice = true });

        result.IsValid.ShouldBeTrue();
        result.Submission!.Attachments.Single().FileName.ShouldBe(fileName);
    }

    [Fact]
    public void The_refusal_of_an_unknown_type_does_not_offer_the_legacy_formats()
    {
        var error = Validate("x.bin", "application/octet-stream", [1, 2, 3]).Errors["attachments[0].contentType"][0];

        error.ShouldNotContain("application/msword");
        error.ShouldContain("application/pdf");
    }

    [Fact]
    public void The_setting_is_off_by_default_and_read_from_Intake_Attachments_AllowLegacyOffice()
    {
        AttachmentLimits.Default.AllowLegacyOffice.ShouldBeFalse();
        new AttachmentOptions().AllowLegacyOffice.ShouldBeFalse();

        Options(new()).AllowLegacyOffice.ShouldBeFalse();
        Options(new() { ["Intake:Attachments:AllowLegacyOffice"] = "true" }).AllowLegacyOffice.ShouldBeTrue();
        AttachmentLimits.From(new AttachmentOptions { AllowLegacyOffice = true }).ShouldBe(AttachmentLimits.Default with { AllowLegacyOffice = true });
    }

    private static AttachmentOptions Options(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Storage:ConnectionString", "UseDevelopmentStorage=true");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddWgeoFlowsCore(configuration).AddLogging().BuildServiceProvider();
        return services.GetRequiredService<IOptions<AttachmentOptions>>().Value;
    }
}
