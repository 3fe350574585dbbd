using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Intake;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Reference;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Tests.Impact;

/// <summary>The two consent flags of the impact page: consentToPublish on requests, publishable on partners, both false
/// unless given.</summary>
public sealed class ConsentFlagTests
{
    private const string Header = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email";
    private const string Row = "ke-solar-001,Sahel Solar Cooperative (fictional),cities,KE,provider,renewable-energy,technical-assistance,en,3,solar@example.org";

    [Fact]
    public void A_submission_without_consentToPublish_does_not_consent()
    {
        var result = SubmissionValidator.Validate(SamplePayloads.Valid().ToElement());
        result.Submission!.ConsentToPublish.ShouldBeFalse();
        result.Submission.ToSupportRequest("r-1", DateTimeOffset.UnixEpoch, []).ConsentToPublish.ShouldBeFalse();
    }

    [Fact]
    public void ConsentToPublish_true_is_kept_on_the_stored_request()
    {
        var payload = SamplePayloads.Valid();
        payload["consentToPublish"] = true;
        var submission = SubmissionValidator.Validate(payload.ToElement()).Submission!;
        submission.ToSupportRequest("r-1", DateTimeOffset.UnixEpoch, []).ConsentToPublish.ShouldBeTrue();
    }

    [Fact]
    public void ConsentToPublish_that_is_not_a_boolean_is_a_field_error()
    {
        var payload = SamplePayloads.Valid();
        payload["consentToPublish"] = "yes";
        var result = SubmissionValidator.Validate(payload.ToElement());
        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContainKey("consentToPublish");
    }

    [Fact]
    public void The_partner_CSV_reads_the_optional_publishable_column_and_defaults_to_not_publishable()
    {
        static Partner Read(string csv) => PartnerImportPlanner.Plan(PartnerCsvReader.Read(csv), new Dictionary<string, Partner>(),
            CountryCatalog.Default).ToWrite.ShouldHaveSingleItem();

        Read($"{Header}\n{Row}\n").Publishable.ShouldBeFalse();
        Read($"{Header},publishable\n{Row},true\n").Publishable.ShouldBeTrue();
        PartnerImportPlanner.Plan(PartnerCsvReader.Read($"{Header},publishable\n{Row},perhaps\n"), new Dictionary<string, Partner>(), CountryCatalog.Default)
            .Report.Rows.ShouldHaveSingleItem().Errors.ShouldContain(e => e.StartsWith("publishable:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_admin_PUT_body_sets_publishable_and_shows_it_back()
    {
        using var doc = JsonDocument.Parse("""
            {"name":"Savanna Solar (fictional)","platform":"private-sector","country":"ke","role":"provider",
             "thematicAreas":["renewable-energy"],"supportTypes":["technical-assistance"],"languages":["en"],
             "capacity":3,"email":"solar@example.org","publishable":true}
            """);
        var (input, errors) = PartnerJsonInput.Read(doc.RootElement, "ke-solar-001");
        errors.ShouldBeEmpty();
        var partner = PartnerValidator.Validate(input, CountryCatalog.Default).Partner.ShouldNotBeNull();
        partner.Publishable.ShouldBeTrue();
        PartnerView.Of(partner).Publishable.ShouldBeTrue();

        using var wrong = JsonDocument.Parse("""{"publishable":"yes"}""");
        PartnerJsonInput.Read(wrong.RootElement, "ke-solar-001").Errors.ShouldContainKey("publishable");
    }
}
