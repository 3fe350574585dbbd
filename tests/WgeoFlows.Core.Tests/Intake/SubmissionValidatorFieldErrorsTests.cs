using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class SubmissionValidatorFieldErrorsTests
{
    private static IReadOnlyDictionary<string, string[]> Refuse(JsonNode payload)
    {
        var result = SubmissionValidator.Validate(payload.ToElement());
        result.IsValid.ShouldBeFalse();
        result.Submission.ShouldBeNull();
        return result.Errors;
    }

    private static void ShouldRefuseOnly(JsonNode payload, string path)
    {
        var errors = Refuse(payload);
        errors.Keys.ShouldBe([path]);
        errors[path].ShouldNotBeEmpty();
        errors[path].ShouldAllBe(m => !string.IsNullOrWhiteSpace(m));
    }

    private static JsonObject With(string section, string field, JsonNode? value)
    {
        var payload = SamplePayloads.Valid();
        if (section.Length == 0) payload[field] = value;
        else payload[section]![field] = value;
        return payload;
    }

    private static JsonObject Without(string section, string field)
    {
        var payload = SamplePayloads.Valid();
        (section.Length == 0 ? payload : payload[section]!.AsObject()).Remove(field);
        return payload;
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Refuses_a_body_that_is_not_an_object(string json)
    {
        var result = SubmissionValidator.Validate(JsonDocument.Parse(json).RootElement);

        result.Errors.Keys.ShouldBe(["$"]);
    }

    [Fact]
    public void Names_every_missing_section_of_an_empty_object()
    {
        var errors = SubmissionValidator.Validate(JsonDocument.Parse("{}").RootElement).Errors;

        errors.Keys.Order().ShouldBe(["contact", "organization", "request", "submissionId"]);
    }

    [Fact]
    public void Names_every_bad_field_not_only_the_first()
    {
        var payload = SamplePayloads.Valid();
        payload["submissionId"] = 7;
        payload["organization"]!["platform"] = "government";
        payload["organization"]!["country"] = "XX";
        payload["contact"]!["email"] = "not-an-email";
        payload["request"]!["thematicAreas"] = new JsonArray("renewable-energy", "space-travel", 3);
        payload["request"]!["budgetUsd"] = "a lot";
        payload["request"]!["neededBy"] = "30/06/2027";

        Refuse(payload).Keys.Order().ShouldBe([
            "contact.email", "organization.country", "organization.platform",
            "request.budgetUsd", "request.neededBy", "request.thematicAreas[1]", "request.thematicAreas[2]", "submissionId"]);
    }

    [Theory]
    [InlineData("", "submissionId")]
    [InlineData("organization", "name")]
    [InlineData("organization", "platform")]
    [InlineData("organization", "country")]
    [InlineData("contact", "name")]
    [InlineData("contact", "email")]
    [InlineData("request", "title")]
    [InlineData("request", "description")]
    [InlineData("request", "thematicAreas")]
    [InlineData("request", "supportTypes")]
    public void Refuses_a_missing_required_field(string section, string field)
    {
        var path = section.Length == 0 ? field : $"{section}.{field}";

        ShouldRefuseOnly(Without(section, field), path);
        ShouldRefuseOnly(With(section, field, null), path);
    }

    [Theory]
    [InlineData("", "submissionId")]
    [InlineData("organization", "name")]
    [InlineData("contact", "name")]
    [InlineData("request", "title")]
    [InlineData("request", "description")]
    public void Refuses_a_blank_required_string(string section, string field) =>
        ShouldRefuseOnly(With(section, field, "   "), section.Length == 0 ? field : $"{section}.{field}");

    [Theory]
    [InlineData("", "submissionId", 200)]
    [InlineData("organization", "name", 300)]
    [InlineData("contact", "name", 200)]
    [InlineData("request", "title", 300)]
    [InlineData("request", "description", 10_000)]
    public void Refuses_a_string_longer_than_its_limit(string section, string field, int limit)
    {
        var path = section.Length == 0 ? field : $"{section}.{field}";
        var atLimit = new string('a', limit - 1) + "b";

        SubmissionValidator.Validate(With(section, field, atLimit).ToElement()).IsValid.ShouldBeTrue();
        ShouldRefuseOnly(With(section, field, atLimit + "c"), path);
    }

    [Theory]
    [InlineData("", "submissionId")]
    [InlineData("organization", "name")]
    [InlineData("organization", "platform")]
    [InlineData("contact", "email")]
    [InlineData("request", "title")]
    [InlineData("request", "description")]
    [InlineData("request", "neededBy")]
    public void Refuses_a_number_where_a_string_belongs(string section, string field)
    {
        var path = section.Length == 0 ? field : $"{section}.{field}";

        var errors = Refuse(With(section, field, 12));

        errors.Keys.ShouldBe([path]);
        errors[path].ShouldHaveSingleItem().ShouldContain("must be a string");
    }

    [Theory]
    [InlineData("organization")]
    [InlineData("contact")]
    [InlineData("request")]
    public void Refuses_a_section_that_is_not_an_object(string section) =>
        ShouldRefuseOnly(With("", section, new JsonArray()), section);

    [Theory]
    [InlineData("thematicAreas")]
    [InlineData("supportTypes")]
    [InlineData("preferredRegions")]
    public void Refuses_a_list_that_is_a_single_string(string field) =>
        ShouldRefuseOnly(With("request", field, "africa"), $"request.{field}");

    [Theory]
    [InlineData("form\u0001id")]
    [InlineData("form\nid")]
    [InlineData("form\u007fid")]
    public void Refuses_control_characters_in_a_single_line_string(string submissionId) =>
        ShouldRefuseOnly(With("", "submissionId", submissionId), "submissionId");

    [Fact]
    public void Refuses_control_characters_other_than_line_breaks_and_tabs_in_the_description() =>
        ShouldRefuseOnly(With("request", "description", SamplePayloads.Description + "\u0000"), "request.description");

    [Fact]
    public void Refuses_a_lone_surrogate_escaped_in_the_json()
    {
        var json = SamplePayloads.Valid().ToJsonString().Replace("Amina Otieno", "Amina \\ud800 Otieno");

        SubmissionValidator.Validate(JsonDocument.Parse(json).RootElement).Errors.Keys.ShouldBe(["contact.name"]);
    }

    [Theory]
    [InlineData("government")]
    [InlineData("public sector")]
    public void Refuses_an_unknown_platform_and_lists_the_known_ones(string platform)
    {
        var errors = Refuse(With("organization", "platform", platform));

        errors.Keys.ShouldBe(["organization.platform"]);
        errors["organization.platform"].ShouldHaveSingleItem().ShouldContain("international-organizations");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("KEN")]
    [InlineData("Kenya")]
    [InlineData("AQ")]
    public void Refuses_a_country_that_is_not_a_known_alpha_2_code(string country) =>
        ShouldRefuseOnly(With("organization", "country", country), "organization.country");

    [Theory]
    [InlineData("example.org")]
    [InlineData("ftp://example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://exa mple.org")]
    [InlineData("/relative/path")]
    public void Refuses_a_website_that_is_not_an_absolute_http_address(string website) =>
        ShouldRefuseOnly(With("organization", "website", website), "organization.website");

    [Theory]
    [InlineData("http://example.org/about")]
    [InlineData("https://sub.example.org:8443/x?y=1")]
    public void Accepts_an_absolute_http_or_https_website(string website) =>
        SubmissionValidator.Validate(With("organization", "website", website).ToElement()).Submission!.Organization.Website.ShouldBe(website);

    [Theory]
    [InlineData("amina")]
    [InlineData("amina@")]
    [InlineData("@example.org")]
    [InlineData("amina@example")]
    [InlineData("amina@@example.org")]
    [InlineData("Amina <amina@example.org>")]
    [InlineData("amina@example.org, bob@example.org")]
    [InlineData("ami na@example.org")]
    public void Refuses_an_email_that_is_not_one_plain_address(string email) =>
        ShouldRefuseOnly(With("contact", "email", email), "contact.email");

    [Fact]
    public void Refuses_an_email_longer_than_254_characters() =>
        ShouldRefuseOnly(With("contact", "email", new string('a', 64) + "@" + new string('b', 186) + ".org"), "contact.email");

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    [InlineData("en-GB")]
    public void Refuses_a_language_the_partnership_does_not_correspond_in(string language) =>
        ShouldRefuseOnly(With("contact", "language", language), "contact.language");

    [Fact]
    public void Refuses_an_empty_list_of_thematic_areas() =>
        ShouldRefuseOnly(With("request", "thematicAreas", new JsonArray()), "request.thematicAreas");

    [Fact]
    public void Refuses_more_than_five_distinct_thematic_areas() =>
        ShouldRefuseOnly(With("request", "thematicAreas", new JsonArray(
            "renewable-energy", "energy-efficiency", "biodiversity", "green-finance", "green-industry", "water-management")),
            "request.thematicAreas");

    [Fact]
    public void Refuses_an_empty_list_of_support_types() =>
        ShouldRefuseOnly(With("request", "supportTypes", new JsonArray()), "request.supportTypes");

    [Fact]
    public void Names_the_position_of_each_unknown_item_in_a_list()
    {
        var errors = Refuse(With("request", "supportTypes", new JsonArray("financing", "moral-support", null, "grants")));

        errors.Keys.ShouldBe(["request.supportTypes[1]", "request.supportTypes[2]", "request.supportTypes[3]"]);
    }

    [Fact]
    public void Refuses_an_unknown_preferred_region() =>
        ShouldRefuseOnly(With("request", "preferredRegions", new JsonArray("africa", "antarctica")), "request.preferredRegions[1]");

    [Theory]
    [InlineData(-1d)]
    [InlineData(-0.01)]
    [InlineData(1_000_000_000_001d)]
    [InlineData(1e300)]
    public void Refuses_a_budget_below_zero_or_above_a_trillion(double budget) =>
        ShouldRefuseOnly(With("request", "budgetUsd", budget), "request.budgetUsd");

    [Theory]
    [InlineData("250000")]
    [InlineData("USD 250,000")]
    public void Refuses_a_budget_written_as_a_string(string budget) =>
        ShouldRefuseOnly(With("request", "budgetUsd", budget), "request.budgetUsd");

    [Theory]
    [InlineData("2027-6-30")]
    [InlineData("30/06/2027")]
    [InlineData("2027-02-30")]
    [InlineData("2027-06-30T00:00:00Z")]
    [InlineData("soon")]
    public void Refuses_a_needed_by_date_not_written_yyyy_MM_dd(string neededBy) =>
        ShouldRefuseOnly(With("request", "neededBy", neededBy), "request.neededBy");
}
