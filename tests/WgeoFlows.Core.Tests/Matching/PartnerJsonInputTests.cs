using System.Text.Json;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Reference;

namespace WgeoFlows.Tests.Matching;

/// <summary>The PUT body of /api/admin/partners/{id}: every problem is named by its field, as a CSV row's would be.</summary>
public sealed class PartnerJsonInputTests
{
    private static Dictionary<string, List<string>> ErrorsOf(string json, string routeId = "ke-solar-001")
    {
        using var doc = JsonDocument.Parse(json);
        var (input, errors) = PartnerJsonInput.Read(doc.RootElement, routeId);
        PartnerJsonInput.AddValidatorErrors(errors, PartnerValidator.Validate(input, CountryCatalog.Default).Errors);
        return errors;
    }

    private const string Good = """
        {"name":"Savanna Solar (fictional)","platform":"private-sector","country":"ke","role":"provider",
         "thematicAreas":["renewable-energy"],"supportTypes":["technical-assistance"],"languages":["en","fr"],
         "capacity":3,"email":"solar@example.org","active":true}
        """;

    [Fact]
    public void A_complete_body_reads_into_a_valid_partner_with_the_id_of_the_url()
    {
        using var doc = JsonDocument.Parse(Good);
        var (input, errors) = PartnerJsonInput.Read(doc.RootElement, "ke-solar-001");
        errors.ShouldBeEmpty();
        var partner = PartnerValidator.Validate(input, CountryCatalog.Default).Partner.ShouldNotBeNull();
        partner.Id.ShouldBe("ke-solar-001");
        partner.Country.ShouldBe("KE");
        partner.Region.ShouldBe("africa");
        partner.GlobalSouth.ShouldBeTrue();
        partner.Capacity.ShouldBe(3);
    }

    [Fact]
    public void Fields_of_the_wrong_JSON_type_are_named_once_each()
    {
        var errors = ErrorsOf("""{"name":7,"thematicAreas":"renewable-energy","capacity":"three","active":"yes","platform":"cities"}""");

        errors.Keys.ShouldContain("name");
        errors["name"].ShouldBe(["must be a string."]);
        errors["thematicAreas"].ShouldBe(["must be an array of strings."]);
        errors["capacity"].ShouldBe(["must be a whole number."]);
        errors["active"].ShouldBe(["must be true or false."]);
        errors.Keys.ShouldContain("country");
        errors.Keys.ShouldContain("email");
        errors.Keys.ShouldNotContain("platform");
    }

    [Fact]
    public void Unknown_values_are_named_by_their_field()
    {
        var errors = ErrorsOf(Good.Replace("\"fr\"", "\"xx\"").Replace("provider", "donor"));

        errors.Keys.Order().ShouldBe(["languages", "role"]);
        errors["languages"].Single().ShouldContain("'xx'");
    }

    [Fact]
    public void A_body_id_that_contradicts_the_url_is_refused()
    {
        var errors = ErrorsOf(Good.Replace("{", "{\"id\":\"other-id\","));

        errors.Keys.ShouldBe(["id"]);
    }

    [Fact]
    public void Read_only_fields_sent_back_from_a_GET_are_ignored()
    {
        var errors = ErrorsOf(Good.Replace("{", "{\"id\":\"ke-solar-001\",\"region\":\"asia\",\"openEngagements\":9,"));

        errors.ShouldBeEmpty();
    }
}
