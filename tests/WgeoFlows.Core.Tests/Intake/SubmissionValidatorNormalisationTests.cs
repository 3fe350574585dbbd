using System.Text.Json.Nodes;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class SubmissionValidatorNormalisationTests
{
    private static ValidSubmission Accept(JsonNode payload)
    {
        var result = SubmissionValidator.Validate(payload.ToElement());
        result.Errors.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
        return result.Submission!;
    }

    [Fact]
    public void Accepts_the_contract_example()
    {
        var submission = Accept(SamplePayloads.Valid());

        submission.SubmissionId.ShouldBe("form-7f3a91");
        submission.Organization.ShouldBe(new WgeoFlows.Domain.Organization("Nairobi County Energy Office", "cities", "KE", "https://example.org"));
        submission.Contact.ShouldBe(new Contact("Amina Otieno", "amina@example.org", "en"));
        submission.Title.ShouldBe("Solar mini-grids for informal settlements");
        submission.Description.ShouldBe(SamplePayloads.Description);
        submission.ThematicAreas.ShouldBe(["renewable-energy", "sustainable-cities"]);
        submission.SupportTypes.ShouldBe(["technical-assistance", "financing"]);
        submission.PreferredRegions.ShouldBe(["africa", "asia"]);
        submission.BudgetUsd.ShouldBe(250000m);
        submission.NeededBy.ShouldBe(new DateOnly(2027, 6, 30));
        submission.Attachments.Count.ShouldBe(1);
    }

    [Fact]
    public void Accepts_a_submission_with_only_the_required_fields()
    {
        var submission = Accept(SamplePayloads.Minimal());

        submission.Organization.Website.ShouldBeNull();
        submission.PreferredRegions.ShouldBeEmpty();
        submission.BudgetUsd.ShouldBeNull();
        submission.NeededBy.ShouldBeNull();
        submission.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void Trims_every_string()
    {
        var payload = SamplePayloads.Valid("  form-1  ");
        payload["organization"]!["name"] = "  Nairobi County  ";
        payload["contact"]!["email"] = " amina@example.org ";
        payload["request"]!["title"] = "  Solar  ";
        payload["request"]!["description"] = "\n" + SamplePayloads.Description + "\n\n";

        var submission = Accept(payload);

        submission.SubmissionId.ShouldBe("form-1");
        submission.Organization.Name.ShouldBe("Nairobi County");
        submission.Contact.Email.ShouldBe("amina@example.org");
        submission.Title.ShouldBe("Solar");
        submission.Description.ShouldBe(SamplePayloads.Description);
    }

    [Fact]
    public void Lower_cases_ids_and_upper_cases_the_country()
    {
        var payload = SamplePayloads.Valid();
        payload["organization"]!["platform"] = "Cities";
        payload["organization"]!["country"] = "ke";
        payload["contact"]!["language"] = "FR";
        payload["request"]!["thematicAreas"] = new JsonArray("Renewable-Energy");
        payload["request"]!["supportTypes"] = new JsonArray("FINANCING");
        payload["request"]!["preferredRegions"] = new JsonArray("Arab-States");

        var submission = Accept(payload);

        submission.Organization.Platform.ShouldBe("cities");
        submission.Organization.Country.ShouldBe("KE");
        submission.Contact.Language.ShouldBe("fr");
        submission.ThematicAreas.ShouldBe(["renewable-energy"]);
        submission.SupportTypes.ShouldBe(["financing"]);
        submission.PreferredRegions.ShouldBe(["arab-states"]);
    }

    [Fact]
    public void Removes_duplicates_from_lists_keeping_the_first_order()
    {
        var payload = SamplePayloads.Valid();
        payload["request"]!["thematicAreas"] = new JsonArray("biodiversity", "renewable-energy", "Biodiversity", "biodiversity");
        payload["request"]!["preferredRegions"] = new JsonArray("asia", "asia");

        var submission = Accept(payload);

        submission.ThematicAreas.ShouldBe(["biodiversity", "renewable-energy"]);
        submission.PreferredRegions.ShouldBe(["asia"]);
    }

    [Fact]
    public void Counts_thematic_areas_after_removing_duplicates()
    {
        var payload = SamplePayloads.Valid();
        payload["request"]!["thematicAreas"] = new JsonArray("biodiversity", "biodiversity", "biodiversity", "biodiversity", "biodiversity", "biodiversity");

        Accept(payload).ThematicAreas.ShouldBe(["biodiversity"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Writes_to_the_requester_in_English_when_no_language_is_given(string? language)
    {
        var payload = SamplePayloads.Valid();
        payload["contact"]!["language"] = language;

        Accept(payload).Contact.Language.ShouldBe("en");
    }

    [Fact]
    public void Writes_in_English_when_the_language_field_is_absent()
    {
        var payload = SamplePayloads.Valid();
        payload["contact"]!.AsObject().Remove("language");

        Accept(payload).Contact.Language.ShouldBe("en");
    }

    [Fact]
    public void Reads_blank_or_null_optional_fields_as_not_given()
    {
        var payload = SamplePayloads.Valid();
        payload["organization"]!["website"] = "";
        payload["request"]!["neededBy"] = "";
        payload["request"]!["budgetUsd"] = null;
        payload["request"]!["preferredRegions"] = null;
        payload["attachments"] = null;

        var submission = Accept(payload);

        submission.Organization.Website.ShouldBeNull();
        submission.NeededBy.ShouldBeNull();
        submission.BudgetUsd.ShouldBeNull();
        submission.PreferredRegions.ShouldBeEmpty();
        submission.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void Ignores_unknown_fields()
    {
        var payload = SamplePayloads.Valid();
        payload["schemaVersion"] = 1;
        payload["formService"] = new JsonObject { ["delivery"] = 3 };
        payload["organization"]!["size"] = "large";

        Accept(payload);
    }

    [Fact]
    public void Keeps_line_breaks_and_tabs_in_the_description()
    {
        var payload = SamplePayloads.Valid();
        payload["request"]!["description"] = SamplePayloads.Description + "\r\n\r\n- first\n-\tsecond";

        Accept(payload).Description.ShouldEndWith("- first\n-\tsecond");
    }

    [Fact]
    public void Keeps_non_latin_text()
    {
        var payload = SamplePayloads.Valid();
        payload["organization"]!["name"] = "مكتب الطاقة 🌍 能源办公室";

        Accept(payload).Organization.Name.ShouldBe("مكتب الطاقة 🌍 能源办公室");
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(0.5)]
    [InlineData(1e12)]
    public void Accepts_a_budget_from_zero_to_a_trillion(double budget)
    {
        var payload = SamplePayloads.Valid();
        payload["request"]!["budgetUsd"] = budget;

        Accept(payload).BudgetUsd.ShouldBe((decimal)budget);
    }

    [Fact]
    public void Decodes_attachments_with_their_canonical_content_type()
    {
        var payload = SamplePayloads.Valid();
        payload["attachments"] = new JsonArray(SamplePayloads.Attachment("concept-note.pdf", "Application/PDF; name=x", SamplePayloads.PdfBytes));

        var attachment = Accept(payload).Attachments.ShouldHaveSingleItem();

        attachment.FileName.ShouldBe("concept-note.pdf");
        attachment.ContentType.ShouldBe("application/pdf");
        attachment.Content.ShouldBe(SamplePayloads.PdfBytes);
        attachment.Size.ShouldBe(SamplePayloads.PdfBytes.Length);
    }

    [Fact]
    public void Makes_the_support_request_to_store()
    {
        var submittedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var stored = new StoredAttachment("concept-note.pdf", "application/pdf", 90, "WG-AAAAA-AAAAA/0-concept-note.pdf");

        var request = Accept(SamplePayloads.Valid()).ToSupportRequest("WG-AAAAA-AAAAA", submittedAt, [stored]);

        request.RequestId.ShouldBe("WG-AAAAA-AAAAA");
        request.SubmissionId.ShouldBe("form-7f3a91");
        request.SubmittedAt.ShouldBe(submittedAt);
        request.UpdatedAt.ShouldBe(submittedAt);
        request.Status.ShouldBe(WgeoFlows.Domain.RequestStatus.Received);
        request.Organization.Country.ShouldBe("KE");
        request.ThematicAreas.ShouldBe(["renewable-energy", "sustainable-cities"]);
        request.Attachments.ShouldBe([stored]);
    }
}
